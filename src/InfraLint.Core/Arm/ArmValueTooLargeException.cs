namespace InfraLint.Core.Arm;

/// <summary>An evaluated ARM value grew past <see cref="ArmEvaluator.MaxValueSize"/> (a template whose variables double a
/// string or an array): the evaluation stops instead of filling memory, and the template is not analysed.</summary>
public sealed class ArmValueTooLargeException()
    : Exception($"an expression's value grows past the {ArmEvaluator.MaxValueSize / (1024 * 1024)} Mi characters InfraLint evaluates");
