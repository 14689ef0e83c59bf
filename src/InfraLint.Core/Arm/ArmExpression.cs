namespace InfraLint.Core.Arm;

/// <summary>The syntax of an ARM template language expression (the text between <c>[</c> and <c>]</c>).</summary>
internal abstract record ArmExpression;

internal sealed record ArmString(string Value) : ArmExpression;

internal sealed record ArmNumber(long Value) : ArmExpression;

internal sealed record ArmCall(string Name, IReadOnlyList<ArmExpression> Arguments) : ArmExpression;

internal sealed record ArmMember(ArmExpression Target, string Name) : ArmExpression;

internal sealed record ArmIndex(ArmExpression Target, ArmExpression Index) : ArmExpression;
