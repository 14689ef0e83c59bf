namespace InfraLint.Reporting.Reports;

/// <summary>How a finding compares with a baseline (SARIF's <c>baselineState</c>).</summary>
public enum BaselineState
{
    /// <summary>No baseline was given.</summary>
    None,
    /// <summary>Not in the baseline: reported.</summary>
    New,
    /// <summary>In the baseline: kept in SARIF, not reported.</summary>
    Unchanged,
}
