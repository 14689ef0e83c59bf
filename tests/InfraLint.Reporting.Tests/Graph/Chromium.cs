using InfraLint.Tests;

namespace InfraLint.Reporting.Tests.Graph;

/// <summary>Headless Chromium (Debian package <c>chromium</c>; .ci/run installs it), run as a real process.</summary>
internal static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => Names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs headless Chromium on <paramref name="page"/> with its console sent to standard error.</summary>
    public static ProcessRunner.Result Run(string chromium, string page, string workDirectory, params string[] arguments) =>
        ProcessRunner.Run(chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--hide-scrollbars",
            "--user-data-dir=" + Path.Combine(workDirectory, "profile-" + Guid.NewGuid().ToString("N")),
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", .. arguments, new Uri(page).AbsoluteUri,
        ], workDirectory, TimeSpan.FromSeconds(120));
}
