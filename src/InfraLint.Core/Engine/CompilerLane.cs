using InfraLint.Core.Bicep;
using InfraLint.Core.Inputs;

namespace InfraLint.Core.Engine;

/// <summary>
/// One worker of a run: its own <c>bicep jsonrpc</c> process (started on its first Bicep file, recycled as
/// <see cref="AnalysisOptions.CompilesPerCompilerProcess"/> says) and the front end that compiles ahead on it. Every lane
/// shares the run's documents, configuration and rules; a compiler that crashes or hangs fails only the files of its lane.
/// </summary>
internal sealed class CompilerLane(AnalysisOptions options, BicepDocuments documents, ReadBoundary? boundary, RegistryReachability reachability,
    CompilerAnswers answers, string? compilerPath)
    : IDisposable
{
    private BicepCompiler? compiler;
    private BicepFrontEnd? bicep;

    /// <summary>Whether this lane's compiler has been created (it starts its process on the first request).</summary>
    public bool HasCompiler => compiler is not null;

    public int Starts => compiler?.Starts ?? 0;

    public IReadOnlyList<int> ProcessIds => compiler?.ProcessIds ?? [];

    /// <summary>The requests this lane's compiler was sent, by method.</summary>
    public IReadOnlyDictionary<string, int> Requests => compiler?.Requests ?? new Dictionary<string, int>();

    /// <summary>The lane's compiler, or null when the run has none (<paramref name="compilerPath"/> is null).</summary>
    public BicepCompiler? Compiler() =>
        compiler ??= compilerPath is null ? null : new BicepCompiler(compilerPath, options.CompileTimeout, options.CompilesPerCompilerProcess);

    public BicepFrontEnd Bicep() => bicep ??= new BicepFrontEnd(compiler!, options.RestoreModules, documents, boundary, reachability, answers);

    public void Dispose() => compiler?.Dispose();
}
