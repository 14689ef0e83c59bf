using System.ComponentModel;
using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Bicep;

/// <summary>
/// One long-lived <c>bicep jsonrpc --stdio</c> process shared by every file of a run. A request
/// that outlives its timeout kills the process; the next request starts a fresh one. Disposing
/// (or cancelling) kills it, so no compiler outlives the build.
/// </summary>
internal sealed class BicepCompiler : IDisposable
{
    private readonly string executable;
    private readonly TimeSpan timeout;
    private readonly int requestsPerProcess;
    private int requestsOnThisProcess;
    private readonly object gate = new();
    private Process? process;
    private JsonRpcChannel? channel;
    private bool disposed;

    /// <param name="executable">The compiler.</param>
    /// <param name="timeout">How long one request may take before the process is killed.</param>
    /// <param name="requestsPerProcess">The server's memory grows with every file it has seen (about 1 GB
    /// after 300 modules): after this many requests the process is replaced by a fresh one.</param>
    public BicepCompiler(string executable, TimeSpan timeout, int requestsPerProcess = 400)
    {
        this.executable = executable;
        this.timeout = timeout;
        this.requestsPerProcess = Math.Max(1, requestsPerProcess);
    }

    /// <summary>How many compiler processes this instance started (1 in a healthy run).</summary>
    public int Starts { get; private set; }

    /// <summary>Process ids of every compiler this instance started, for tests that prove none survives.</summary>
    public IReadOnlyList<int> ProcessIds => processIds;

    private readonly List<int> processIds = new();

    /// <summary>The requests sent, by method (<c>bicep/compile</c>, <c>bicep/compileParams</c>, <c>bicep/getFileReferences</c>).</summary>
    public IReadOnlyDictionary<string, int> Requests
    {
        get
        {
            lock (gate)
                return new Dictionary<string, int>(requests, StringComparer.Ordinal);
        }
    }

    private readonly Dictionary<string, int> requests = new(StringComparer.Ordinal);

    // One request at a time: a request compiled ahead (in the background) and one made on the caller's thread
    // (a .bicepparam, file references) must not overlap, or replacing the process for one would fail the other.
    // A queued request starts its timeout only when it is sent.
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public JToken Request(string method, object parameters, CancellationToken cancellation)
    {
        oneAtATime.Wait(cancellation);
        try
        {
            return Send(method, parameters, cancellation);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private JToken Send(string method, object parameters, CancellationToken cancellation)
    {
        JsonRpcChannel current;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (channel is null || channel.Failure is not null || requestsOnThisProcess >= requestsPerProcess)
                Start();
            current = channel!;
            requestsOnThisProcess++;
            requests[method] = requests.GetValueOrDefault(method) + 1;
        }
        var task = current.Request(method, parameters);
        try
        {
            if (!task.Wait(timeout, cancellation))
            {
                Stop();
                throw new BicepCompilerException($"did not answer within {timeout.TotalSeconds:0} s and was restarted");
            }
            return task.Result;
        }
        catch (OperationCanceledException)
        {
            Stop();
            throw;
        }
        catch (AggregateException e) when (e.InnerException is BicepCompilerException or JsonRpcErrorException)
        {
            if (e.InnerException is BicepCompilerException)
                Stop();
            throw e.InnerException;
        }
    }

    public void Dispose()
    {
        lock (gate)
            disposed = true;
        Stop();
    }

    private void Start()
    {
        Stop();
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        info.ArgumentList.Add("jsonrpc");
        info.ArgumentList.Add("--stdio");
        // The compiler is a single-file .NET app: it unpacks itself below HOME unless told otherwise,
        // and exits with 159 when HOME is not writable (build agents, containers).
        if (Environment.GetEnvironmentVariable("DOTNET_BUNDLE_EXTRACT_BASE_DIR") is null && !HomeIsWritable())
            info.Environment["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Path.Combine(Path.GetTempPath(), "infralint-bicep-extract");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        try
        {
            process = Process.Start(info) ?? throw new BicepCompilerException($"'{executable}' did not start");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or UnauthorizedAccessException)
        {
            process = null;
            throw new BicepCompilerException($"'{executable}' could not be started: {e.Message}", e);
        }
        Starts++;
        requestsOnThisProcess = 0;
        processIds.Add(process.Id);
        process.ErrorDataReceived += (_, _) => { }; // drained so a chatty compiler never blocks on a full pipe
        process.BeginErrorReadLine();
        channel = new JsonRpcChannel(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
    }

    private void Stop()
    {
        JsonRpcChannel? oldChannel;
        Process? oldProcess;
        lock (gate)
        {
            oldChannel = channel;
            oldProcess = process;
            channel = null;
            process = null;
        }
        oldChannel?.Fail("the compiler was stopped");
        if (oldProcess is null)
            return;
        try
        {
            if (!oldProcess.HasExited)
            {
                oldProcess.Kill(entireProcessTree: true);
                oldProcess.WaitForExit(5000);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
        oldChannel?.Dispose();
        oldProcess.Dispose();
    }

    private static bool HomeIsWritable()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home) || !Directory.Exists(home))
            return false;
        try
        {
            var probe = Path.Combine(home, ".infralint-write-probe-" + Environment.ProcessId);
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
