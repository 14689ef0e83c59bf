namespace InfraLint.Sdk;

/// <summary>
/// A template string as it is written, before evaluation (see <see cref="TemplateModel.ReadString"/>): a plain
/// literal, or an ARM expression (<c>[concat('AccountKey=', parameters('key'))]</c>) and the string literals it writes.
/// </summary>
/// <param name="IsExpression">True for <c>[…]</c> strings, which ARM evaluates; <c>[[…</c> is an escaped literal.</param>
/// <param name="Literal">The text the string stands for when it is not an expression (<c>[[x</c> stands for <c>[x</c>); null for an expression.</param>
/// <param name="ExpressionLiterals">The string literals written inside the expression, in order (<c>''</c> stands for a quote); empty for a literal.</param>
public sealed record WrittenString(bool IsExpression, string? Literal, IReadOnlyList<string> ExpressionLiterals);
