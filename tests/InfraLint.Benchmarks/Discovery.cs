using System.Diagnostics;
using InfraLint.Core.Deployments;

namespace InfraLint.Benchmarks;

/// <summary>
/// What deployment discovery costs a build: fresh (every workflow, pipeline and parameters file parsed) and from its
/// cache (the walk only), each timed RUNS times in one process after a warm-up, as a reused MSBuild node runs it.
/// </summary>
internal static class Discovery
{
    public static int Run(string root, int runs)
    {
        var cache = Path.Combine(Path.GetTempPath(), $"infralint-bench-{Environment.ProcessId}.deployments.json");
        try
        {
            var found = DeploymentDiscovery.Discover(root, cacheFile: cache).Deployments.Count; // warm-up, fills the cache
            var fresh = Time(runs, () => DeploymentDiscovery.Discover(root));
            var cached = Time(runs, () => DeploymentDiscovery.Discover(root, cacheFile: cache));
            Console.WriteLine($"{found} deployment(s) under {root}");
            Console.WriteLine($"fresh:  median {fresh.Median:F1} ms, min {fresh.Min:F1} ms ({runs} runs)");
            Console.WriteLine($"cached: median {cached.Median:F1} ms, min {cached.Min:F1} ms ({runs} runs)");
            return 0;
        }
        finally
        {
            File.Delete(cache);
        }
    }

    private static (double Median, double Min) Time(int runs, Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[0]);
    }
}
