using InfraLint.Sdk;

namespace InfraLint.Rules.Model;

/// <summary>Action classes in messages.</summary>
internal static class ActionClassNames
{
    /// <summary>Write, trigger and approve: what acts, as opposed to reading.</summary>
    public const ActionClasses Execution = ActionClasses.Write | ActionClasses.Trigger | ActionClasses.Approve;

    /// <summary><c>write and approve</c>: the write, trigger and approve classes of <paramref name="classes"/>.</summary>
    public static string Execute(ActionClasses classes) =>
        string.Join(" and ", new[] { (ActionClasses.Write, "write"), (ActionClasses.Trigger, "trigger"), (ActionClasses.Approve, "approve") }
            .Where(c => (classes & c.Item1) != 0).Select(c => c.Item2));
}
