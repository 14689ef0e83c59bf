using System.Reflection;
using System.Runtime.Loader;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Packs;

/// <summary>
/// Each compiled pack loads in its own context, so its dependencies cannot replace the task's or another pack's.
/// InfraLint.Sdk and Newtonsoft.Json come from the host whatever version the pack was built against: a pack's
/// <see cref="Rule"/> and <see cref="JToken"/> must be the engine's types.
/// </summary>
internal sealed class PackLoadContext : AssemblyLoadContext
{
    private static readonly Assembly[] Shared = [typeof(Rule).Assembly, typeof(JToken).Assembly];

    private readonly AssemblyDependencyResolver resolver;
    private readonly string directory;

    public PackLoadContext(string assemblyPath)
        : base("InfraLint rule pack " + Path.GetFileName(assemblyPath))
    {
        resolver = new AssemblyDependencyResolver(assemblyPath);
        directory = Path.GetDirectoryName(assemblyPath)!;
    }

    protected override Assembly? Load(AssemblyName name)
    {
        var shared = Shared.FirstOrDefault(a => string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase));
        if (shared is not null)
            return shared;
        // The pack's .deps.json when it has one, else its own folder; the framework comes from the default context.
        var path = resolver.ResolveAssemblyToPath(name);
        if (path is null && name.Name is { } simple && File.Exists(Path.Combine(directory, simple + ".dll")))
            path = Path.Combine(directory, simple + ".dll");
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
