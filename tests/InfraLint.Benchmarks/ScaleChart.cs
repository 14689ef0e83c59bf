using System.Globalization;
using System.Net;
using System.Text;

namespace InfraLint.Benchmarks;

/// <summary>
/// <c>chart CSV SVG [TITLE]</c>: the scale chart of docs/performance.md, written by hand as SVG (no plotting package). CSV
/// rows: <c>files,lanes,seconds,peak_mb,load</c> (a header line is skipped). Two panels, wall time and peak memory of all
/// processes against the file count, one line per lane count; each point is labelled with its value.
/// </summary>
internal static class ScaleChart
{
    private const int PanelWidth = 420, PanelHeight = 300, Left = 64, Top = 48, Gap = 90;
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];

    public static int Run(string csv, string svg, string title)
    {
        var rows = File.ReadAllLines(csv)
            .Where(l => l.Length > 0 && char.IsDigit(l[0]))
            .Select(l => l.Split(','))
            .Select(f => (Files: int.Parse(f[0], CultureInfo.InvariantCulture), Lanes: int.Parse(f[1], CultureInfo.InvariantCulture),
                Seconds: double.Parse(f[2], CultureInfo.InvariantCulture), PeakMb: double.Parse(f[3], CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Lanes).ThenBy(r => r.Files)
            .ToList();
        if (rows.Count == 0)
        {
            Console.Error.WriteLine($"chart: no rows in {csv}");
            return 2;
        }
        var width = Left + PanelWidth * 2 + Gap + 40;
        var height = Top + PanelHeight + 90;
        var text = new StringBuilder();
        text.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        text.Append(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n"));
        text.Append(Invariant($"<text x=\"{width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{WebUtility.HtmlEncode(title)}</text>\n"));
        Panel(text, rows, Left, "wall time (s)", r => r.Seconds);
        Panel(text, rows, Left + PanelWidth + Gap, "peak memory, all processes (MB)", r => r.PeakMb);
        var lanes = rows.Select(r => r.Lanes).Distinct().ToList();
        for (var i = 0; i < lanes.Count; i++)
        {
            var x = Left + i * 150;
            var y = Top + PanelHeight + 70;
            text.Append(Invariant($"<line x1=\"{x}\" y1=\"{y - 4}\" x2=\"{x + 24}\" y2=\"{y - 4}\" stroke=\"{Colours[i % Colours.Length]}\" stroke-width=\"2\"/>"));
            text.Append(Invariant($"<text x=\"{x + 30}\" y=\"{y}\">--parallel {lanes[i]}</text>\n"));
        }
        text.Append("</svg>\n");
        File.WriteAllText(svg, text.ToString());
        Console.Error.WriteLine($"chart: {rows.Count} point(s) in {svg}");
        return 0;
    }

    private static void Panel(StringBuilder text, IReadOnlyList<(int Files, int Lanes, double Seconds, double PeakMb)> rows, int left,
        string label, Func<(int Files, int Lanes, double Seconds, double PeakMb), double> value)
    {
        var maxFiles = rows.Max(r => r.Files);
        var maxValue = Nice(rows.Max(value));
        double X(int files) => left + (double)files / maxFiles * PanelWidth;
        double Y(double v) => Top + PanelHeight - v / maxValue * PanelHeight;
        text.Append(Invariant($"<rect x=\"{left}\" y=\"{Top}\" width=\"{PanelWidth}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#888\"/>\n"));
        for (var i = 0; i <= 4; i++)
        {
            var v = maxValue * i / 4;
            text.Append(Invariant($"<line x1=\"{left}\" y1=\"{Y(v):0.#}\" x2=\"{left + PanelWidth}\" y2=\"{Y(v):0.#}\" stroke=\"#ddd\"/>"));
            text.Append(Invariant($"<text x=\"{left - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{v:0.##}</text>\n"));
        }
        foreach (var files in rows.Select(r => r.Files).Distinct())
            text.Append(Invariant($"<text x=\"{X(files):0.#}\" y=\"{Top + PanelHeight + 18}\" text-anchor=\"middle\">{files:N0}</text>\n"));
        text.Append(Invariant($"<text x=\"{left + PanelWidth / 2}\" y=\"{Top + PanelHeight + 38}\" text-anchor=\"middle\">files in the repository</text>\n"));
        text.Append(Invariant($"<text x=\"{left + PanelWidth / 2}\" y=\"{Top - 8}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(label)}</text>\n"));
        var lanes = rows.Select(r => r.Lanes).Distinct().ToList();
        for (var i = 0; i < lanes.Count; i++)
        {
            var colour = Colours[i % Colours.Length];
            var points = rows.Where(r => r.Lanes == lanes[i]).ToList();
            // From the origin: a linear cost is a straight line through it.
            var path = string.Join(" ", new[] { Invariant($"{X(0):0.#},{Y(0):0.#}") }.Concat(points.Select(p => Invariant($"{X(p.Files):0.#},{Y(value(p)):0.#}"))));
            text.Append(Invariant($"<polyline points=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>\n"));
            foreach (var p in points)
            {
                text.Append(Invariant($"<circle cx=\"{X(p.Files):0.#}\" cy=\"{Y(value(p)):0.#}\" r=\"3.5\" fill=\"{colour}\"/>"));
                text.Append(Invariant($"<text x=\"{X(p.Files) - 6:0.#}\" y=\"{Y(value(p)) - 8 - 12 * i:0.#}\" text-anchor=\"end\" fill=\"{colour}\">{value(p):0.#}</text>\n"));
            }
        }
    }

    // The axis maximum: the next 1, 2 or 5 times a power of ten above the largest value.
    private static double Nice(double max)
    {
        if (max <= 0)
            return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (step * power >= max)
                return step * power;
        }
        return 10 * power;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
