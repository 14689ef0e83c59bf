using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using InfraLint.Reporting.Graph;
using InfraLint.Tests;

namespace InfraLint.Reporting.Tests.Graph;

/// <summary>Opens the sample's HTML graph in headless Chromium: it must render, run its script without a console error,
/// filter and search. Inconclusive only where Chromium is not installed.</summary>
[TestClass]
public sealed class TrustGraphBrowserTests
{
    // Records script errors and console.error calls, then exercises search and the filters and writes what it saw into the DOM.
    private const string Probe = """
        <script>
        window.__errors = [];
        window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
        (function () { var original = console.error; console.error = function () { window.__errors.push(Array.prototype.join.call(arguments, ' ')); original.apply(console, arguments); }; })();
        window.addEventListener('load', function () {
          var result = { ready: document.documentElement.getAttribute('data-graph-ready') };
          try {
            var search = document.getElementById('search');
            search.value = 'id-exp-ranker';
            search.dispatchEvent(new Event('input'));
            result.matches = Array.prototype.map.call(document.querySelectorAll('.node.match'), function (n) { return n.dataset.key; });
            result.lit = document.querySelectorAll('.node.lit').length;
            search.value = '';
            search.dispatchEvent(new Event('input'));
            var production = document.querySelector('.filter input[data-env="production"]');
            production.checked = false;
            production.dispatchEvent(new Event('change'));
            result.hiddenProduction = document.querySelectorAll('.node.env-production.hidden').length;
            result.production = document.querySelectorAll('.node.env-production').length;
            result.hiddenEdges = document.querySelectorAll('.edge.hidden').length;
          } catch (e) { window.__errors.push(String(e)); }
          result.errors = window.__errors;
          var probe = document.createElement('pre');
          probe.id = 'probe';
          probe.textContent = JSON.stringify(result);
          document.body.appendChild(probe);
        });
        </script>
        """;

    [TestMethod]
    public void The_sample_graph_renders_in_Chromium_with_its_nodes_and_no_console_errors()
    {
        var chromium = Chromium.Find();
        if (chromium is null)
            Assert.Inconclusive("Chromium is not installed (apt-get install chromium; .ci/run does this): the HTML graph was not opened in a browser");
        var graph = SampleGraph.Get();
        var html = GraphFormats.Write(graph, GraphFormat.Html);
        using var folder = new TempDirectory();
        var page = folder.Write("trust-graph.html", html);
        var probed = folder.Write("probed.html", html.Replace("<head>\n", "<head>\n" + Probe + "\n", StringComparison.Ordinal));

        var dump = Chromium.Run(chromium, probed, folder.Path, "--dump-dom");
        Assert.AreEqual(0, dump.ExitCode, dump.ToString());
        var dom = dump.StandardOutput;
        var match = Regex.Match(dom, "<pre id=\"probe\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.IsTrue(match.Success, "the probe did not run:\n" + dump);
        using var probe = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var result = probe.RootElement;
        Assert.AreEqual(0, result.GetProperty("errors").GetArrayLength(), result.GetProperty("errors").ToString());
        Assert.AreEqual(graph.Nodes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), result.GetProperty("ready").GetString());
        CollectionAssert.AreEqual(new[] { "identity:microsoft.managedidentity/userassignedidentities/id-exp-ranker" },
            result.GetProperty("matches").EnumerateArray().Select(m => m.GetString()).ToArray());
        Assert.IsTrue(result.GetProperty("lit").GetInt32() >= 4, "a search lights the paths through the match: " + result);
        Assert.AreEqual(result.GetProperty("production").GetInt32(), result.GetProperty("hiddenProduction").GetInt32());
        Assert.IsTrue(result.GetProperty("hiddenEdges").GetInt32() > 0);
        foreach (var expected in new[]
        {
            "data-key=\"identity:microsoft.managedidentity/userassignedidentities/id-exp-ranker\"",
            "data-key=\"resource:microsoft.search/searchservices/srch-contoso-chat-prod\"",
            "data-rule=\"INFRA4001\"",
            "data-rule=\"INFRA3001\"",
        })
        {
            StringAssert.Contains(dom, expected);
        }
        AssertNoConsoleOutput(dump);

        var screenshot = Path.Combine(folder.Path, "trust-graph.png");
        var shot = Chromium.Run(chromium, page, folder.Path, "--screenshot=" + screenshot, "--window-size=1400,1000");
        Assert.AreEqual(0, shot.ExitCode, shot.ToString());
        AssertNoConsoleOutput(shot);
        var png = File.ReadAllBytes(screenshot);
        CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4).ToArray());
        Assert.IsTrue(png.Length > 20_000, $"the screenshot is only {png.Length} bytes");
        // The README's picture: refreshed on request, since fonts differ between machines.
        if (Environment.GetEnvironmentVariable("INFRALINT_UPDATE_SCREENSHOT") == "1")
            File.Copy(screenshot, Path.Combine(TestEnvironment.RepoRoot, "docs", "images", "trust-graph.png"), overwrite: true);
    }

    // With --enable-logging, Chromium prints every console message and uncaught error as a CONSOLE line; the page logs nothing.
    private static void AssertNoConsoleOutput(ProcessRunner.Result run)
    {
        var console = run.StandardError.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(0, console.Count, string.Join("\n", console));
    }
}
