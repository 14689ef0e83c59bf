namespace InfraLint.Cli;

internal enum ReportFormat
{
    Text,
    Sarif,
    GitHub,
    Json,
    Markdown,
}
