using System.Globalization;
using InfraLint.Rules.Model;
using InfraLint.Sdk;

namespace InfraLint.Rules.Roles;

// An approval is a decision for a time: the risk was accepted until a date, then someone looks again.
// A grant whose approval has lapsed is a decision nobody holds any more; a reminder two weeks ahead
// gives the owner time to renew it before the build turns yellow.
public sealed class ApprovalExpiredRule : Rule
{
    /// <summary>How long before its expiry an approval is reported as a note.</summary>
    public const int ReminderDays = 14;

    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA3006",
        Title: "Approval record has expired",
        MessageFormat: "Approval '{0}' by {1} of '{2}' for {3} {4}",
        Category: RuleCategory.Roles,
        DefaultSeverity: Severity.Warning,
        Description: "The approval record in infralint.json that covers a role assignment expired before today; an approval that " +
            "expires within 14 days is reported as a note.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (template.Deployment?.Permissions is not { Approvals: { Count: > 0 } approvals } policy)
            return;
        foreach (var assignment in template.RoleAssignments)
        {
            if (assignment.RoleToken is not { } roleToken || ApprovalMatch.For(approvals, assignment).Deciding is not { } approval)
                continue;
            var expires = approval.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var args = new object[] { approval.Reference, approval.Approver, assignment.RoleName, ApprovalMatch.PrincipalOf(assignment) };
            var days = approval.Expires.DayNumber - policy.Today.DayNumber;
            if (approval.IsExpired(policy.Today))
                report.ReportAt(Descriptor, assignment.Resource, roleToken, [.. args, $"expired on {expires}; renew it or remove the grant"]);
            else if (days <= ReminderDays)
                report.ReportAt(Descriptor, Severity.Suggestion, assignment.Resource, roleToken, [.. args, $"expires on {expires} ({Days(days)}); renew it before then"]);
        }
    }

    private static string Days(int days) => days switch
    {
        0 => "today",
        1 => "tomorrow",
        _ => $"in {days} days",
    };
}
