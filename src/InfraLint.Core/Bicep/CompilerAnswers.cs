using System.Collections.Concurrent;

namespace InfraLint.Core.Bicep;

/// <summary>
/// What the compiler answered earlier in the run, for questions the run asks again. Templates: what the run's compiles of
/// real files (no stand-ins) produced for .bicep files the run compiles again: a local module's
/// template as its caller's compile nested it (the compiler compiles every module inside each entry), and an entry's own
/// output where a generated template beside it or a declared deployment of it asks for it again. A later compile of the
/// same file, as an entry of its own, a deployment of it or the source of a generated template (INFRA0009), takes the
/// template from here instead of asking the compiler: the same file, compiled by the same compiler within one run, gives
/// the same template whether it is compiled alone or inside a caller. Shared by every lane; whether a compile is taken
/// from here depends on lane timing, never a result. File references: what <c>bicep/getFileReferences</c> answered for a
/// file, asked again for each deployment of a template.
/// </summary>
internal sealed class CompilerAnswers
{
    // A budget in characters (UTF-16, so twice this in bytes) for what is kept: past it, files are compiled again.
    private const long MaxChars = 32L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, string> byPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> references = new(StringComparer.Ordinal);
    private IReadOnlySet<string> asModules = new HashSet<string>();
    private IReadOnlySet<string> asEntries = new HashSet<string>();
    private long chars;
    private int reused;

    /// <summary>
    /// Starts a run (before any lane compiles): what earlier runs kept is dropped, since files may have changed since.
    /// </summary>
    /// <param name="compiledOnTheirOwn">Files (full paths) the run compiles on their own: entries and deployed templates. A module
    /// compiled inside a caller is kept for these.</param>
    /// <param name="compiledAgain">Files the run compiles again after their own compile: the sources of generated templates,
    /// templates of declared deployments. An entry's own output is kept for these.</param>
    public void Start(IReadOnlySet<string> compiledOnTheirOwn, IReadOnlySet<string> compiledAgain)
    {
        byPath.Clear();
        references.Clear();
        chars = 0;
        asModules = compiledOnTheirOwn;
        asEntries = compiledAgain;
    }

    /// <summary>How many compiles took a template from here instead of asking the compiler (over every run).</summary>
    public int Reused => Volatile.Read(ref reused);

    /// <summary>Whether the template of <paramref name="path"/> (a full path), compiled inside a caller, would be kept.</summary>
    public bool WantsModule(string path) => asModules.Contains(path) && !byPath.ContainsKey(path);

    /// <summary>Whether the template of <paramref name="path"/> (a full path), compiled as an entry, would be kept.</summary>
    public bool WantsEntry(string path) => asEntries.Contains(path) && !byPath.ContainsKey(path);

    /// <summary>Keeps <paramref name="template"/> (compiled ARM JSON text) as what <paramref name="path"/> compiles to.</summary>
    public void Add(string path, string template)
    {
        if (Interlocked.Add(ref chars, template.Length) > MaxChars || !byPath.TryAdd(path, template))
            Interlocked.Add(ref chars, -template.Length);
    }

    /// <summary>What <paramref name="path"/> compiles to, if an earlier compile of the run showed it.</summary>
    public string? Take(string path)
    {
        if (!byPath.TryGetValue(Path.GetFullPath(path), out var template))
            return null;
        Interlocked.Increment(ref reused);
        return template;
    }

    /// <summary>What the compiler answered when asked which files <paramref name="path"/> reads, if it was asked in this run.</summary>
    public IReadOnlyList<string>? References(string path) => references.GetValueOrDefault(Path.GetFullPath(path));

    public void KeepReferences(string path, IReadOnlyList<string> files) => references.TryAdd(Path.GetFullPath(path), files);
}
