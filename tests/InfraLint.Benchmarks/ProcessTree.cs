using System.Diagnostics;
using System.Globalization;

namespace InfraLint.Benchmarks;

/// <summary>
/// <c>tree-peak OUT -- COMMAND ARGS...</c>: runs a command and samples the resident memory of it and every process below it
/// (its compilers) every 50 ms from /proc, summed: the peak memory of the run as a machine sees it, not only the largest
/// process's. Writes "wall_ms peak_tree_kb peak_largest_kb exit_code" to OUT; the command's output passes through.
/// Linux only (/proc).
/// </summary>
internal static class ProcessTree
{
    public static int Run(string[] args)
    {
        var split = Array.IndexOf(args, "--");
        if (args.Length < 3 || split != 1)
        {
            Console.Error.WriteLine("usage: tree-peak OUT -- COMMAND ARGS...");
            return 2;
        }
        var start = new ProcessStartInfo(args[2]) { UseShellExecute = false };
        foreach (var argument in args[3..])
            start.ArgumentList.Add(argument);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        long peakTree = 0, peakLargest = 0;
        while (!process.WaitForExit(50))
        {
            var (sum, largest) = Sample(process.Id);
            peakTree = Math.Max(peakTree, sum);
            peakLargest = Math.Max(peakLargest, largest);
        }
        stopwatch.Stop();
        File.WriteAllText(args[0], string.Create(CultureInfo.InvariantCulture,
            $"{stopwatch.ElapsedMilliseconds} {peakTree} {peakLargest} {process.ExitCode}\n"));
        return process.ExitCode;
    }

    // The RSS (KB) of root and its descendants, summed, and the largest of them.
    private static (long Sum, long Largest) Sample(int root)
    {
        var parents = new Dictionary<int, int>();
        var rss = new Dictionary<int, long>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                var statm = File.ReadAllText(Path.Combine(directory, "statm")).Split(' ');
                rss[pid] = long.Parse(statm[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize / 1024;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // the process ended while it was read
            }
        }
        long sum = 0, largest = 0;
        foreach (var (pid, kb) in rss)
        {
            var current = pid;
            for (var depth = 0; depth < 64 && current != root && parents.TryGetValue(current, out var parent) && parent > 1; depth++)
                current = parent;
            if (current != root)
                continue;
            sum += kb;
            largest = Math.Max(largest, kb);
        }
        return (sum, largest);
    }
}
