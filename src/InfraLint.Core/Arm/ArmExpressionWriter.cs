using System.Globalization;
using System.Text;

namespace InfraLint.Core.Arm;

/// <summary>Writes an expression back as ARM template language text (without the surrounding brackets).</summary>
internal static class ArmExpressionWriter
{
    public static string Write(ArmExpression expression)
    {
        var builder = new StringBuilder();
        Write(expression, builder);
        return builder.ToString();
    }

    private static void Write(ArmExpression expression, StringBuilder builder)
    {
        switch (expression)
        {
            case ArmString s:
                builder.Append('\'').Append(s.Value.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
                break;
            case ArmNumber n:
                builder.Append(n.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case ArmCall call:
                builder.Append(call.Name).Append('(');
                for (var i = 0; i < call.Arguments.Count; i++)
                {
                    if (i > 0)
                        builder.Append(", ");
                    Write(call.Arguments[i], builder);
                }
                builder.Append(')');
                break;
            case ArmMember member:
                Write(member.Target, builder);
                builder.Append('.').Append(member.Name);
                break;
            case ArmIndex index:
                Write(index.Target, builder);
                builder.Append('[');
                Write(index.Index, builder);
                builder.Append(']');
                break;
        }
    }
}
