namespace InfraLint.Reporting.Graph;

/// <summary>
/// A layered layout computed in C#, so the HTML needs no layout library and the same graph gives the same
/// picture: four columns (compute, identities, role assignments, scopes and stores), one horizontal band per
/// environment, and within a band and column an order that follows the neighbours (barycenter sweeps).
/// </summary>
internal sealed class GraphLayout
{
    public const int Left = 24;
    public const int Top = 56;
    public const int NodeWidth = 272;
    public const int ColumnGap = 64;
    public const int NodeHeight = 46;
    public const int BadgeRow = 22;
    public const int NodeGap = 12;
    public const int BandTitle = 30;
    public const int BandPadding = 14;
    public const int Columns = 4;

    public static readonly string[] ColumnTitles = ["Runs as / reads settings", "Identities", "Role assignments", "Scopes, stores and services"];

    private GraphLayout(IReadOnlyDictionary<string, (int X, int Y, int Height)> boxes, IReadOnlyList<(string Environment, int Y, int Height)> bands, int width, int height)
    {
        Boxes = boxes;
        Bands = bands;
        Width = width;
        Height = height;
    }

    public IReadOnlyDictionary<string, (int X, int Y, int Height)> Boxes { get; }

    public IReadOnlyList<(string Environment, int Y, int Height)> Bands { get; }

    public int Width { get; }

    public int Height { get; }

    public static int ColumnX(int column) => Left + column * (NodeWidth + ColumnGap);

    public static int HeightOf(GraphNode node) => NodeHeight + (node.Findings.Count > 0 ? BadgeRow : 0);

    public static GraphLayout Of(TrustGraph graph)
    {
        var order = Order(graph);
        var boxes = new Dictionary<string, (int X, int Y, int Height)>(StringComparer.Ordinal);
        var bands = new List<(string, int, int)>();
        var y = Top;
        foreach (var environment in graph.Environments)
        {
            var tallest = 0;
            for (var column = 0; column < Columns; column++)
            {
                var top = y + BandTitle;
                foreach (var node in order[(environment, column)])
                {
                    boxes[node.Id] = (ColumnX(column), top, HeightOf(node));
                    top += HeightOf(node) + NodeGap;
                }
                tallest = Math.Max(tallest, top - y - BandTitle);
            }
            var height = BandTitle + tallest + BandPadding;
            bands.Add((environment, y, height));
            y += height + NodeGap;
        }
        return new GraphLayout(boxes, bands, ColumnX(Columns) - ColumnGap + Left, Math.Max(y, Top + 40));
    }

    // Each node moves towards the average position of its neighbours in the column before (then after) it;
    // ties keep the previous order, so the result depends only on the graph.
    private static Dictionary<(string, int), List<GraphNode>> Order(TrustGraph graph)
    {
        var order = new Dictionary<(string, int), List<GraphNode>>();
        foreach (var environment in graph.Environments)
        {
            for (var column = 0; column < Columns; column++)
                order[(environment, column)] = graph.Nodes.Where(n => n.Environment == environment && n.Column == column).ToList();
        }
        var neighbours = graph.Nodes.ToDictionary(n => n.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var edge in graph.Edges)
        {
            neighbours[edge.From].Add(edge.To);
            neighbours[edge.To].Add(edge.From);
        }
        var columnOf = graph.Nodes.ToDictionary(n => n.Id, n => n.Column, StringComparer.Ordinal);
        for (var sweep = 0; sweep < 4; sweep++)
        {
            var forward = sweep % 2 == 0;
            var position = Positions(graph, order);
            var columns = forward ? Enumerable.Range(1, Columns - 1) : Enumerable.Range(0, Columns - 1).Reverse();
            foreach (var column in columns)
            {
                var from = forward ? column - 1 : column + 1;
                foreach (var environment in graph.Environments)
                {
                    var nodes = order[(environment, column)];
                    var keys = nodes.Select((n, i) =>
                    {
                        var near = neighbours[n.Id].Where(m => columnOf[m] == from).Select(m => position[m]).ToList();
                        return (Node: n, Key: near.Count > 0 ? near.Average() : (double?)null, Index: i);
                    }).ToList();
                    // Nodes without neighbours there keep their place relative to each other, after the others.
                    order[(environment, column)] = keys.OrderBy(k => k.Key is null ? 1 : 0).ThenBy(k => k.Key ?? k.Index).ThenBy(k => k.Index)
                        .Select(k => k.Node).ToList();
                }
                position = Positions(graph, order);
            }
        }
        return order;
    }

    private static Dictionary<string, double> Positions(TrustGraph graph, Dictionary<(string, int), List<GraphNode>> order)
    {
        var position = new Dictionary<string, double>(StringComparer.Ordinal);
        var offset = 0;
        foreach (var environment in graph.Environments)
        {
            var tallest = 0;
            for (var column = 0; column < Columns; column++)
            {
                var nodes = order[(environment, column)];
                for (var i = 0; i < nodes.Count; i++)
                    position[nodes[i].Id] = offset + i;
                tallest = Math.Max(tallest, nodes.Count);
            }
            offset += tallest + 1;
        }
        return position;
    }
}
