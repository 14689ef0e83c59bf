namespace InfraLint.Core.Inputs;

/// <summary>A dependency a file was analysed without: where the file references it, what it is and why it could not be had
/// (INFRA0007). Both front ends record them: stood-in Bicep modules and ARM linked templates.</summary>
internal sealed record OpaqueDependency(string File, int Line, int Column, string Reference, string Reason);
