using System.Text.RegularExpressions;

namespace ApiPlatform.Gateway.AdminAudit;

/// <summary>Names an operations call for the audit: dead-letter replay and discard, workflow retry and cancel.</summary>
internal static partial class OperationsActions
{
    public static (string Action, string Target) Describe(string api, string path)
    {
        if (OneDeadLetter().Match(path) is { Success: true } letter)
        {
            return ($"dead-letter.{letter.Groups[2].Value}", $"{api} dead letter {letter.Groups[1].Value}");
        }
        if (path.Equals("/messaging/dead-letters/replay", StringComparison.Ordinal))
        {
            return ("dead-letter.replay-many", $"{api} dead letters");
        }
        if (OneWorkflow().Match(path) is { Success: true } workflow)
        {
            return ($"workflow.{workflow.Groups[2].Value}", $"{api} workflow instance {workflow.Groups[1].Value}");
        }
        return ("operations.call", $"{api} {path}");
    }

    [GeneratedRegex("^/messaging/dead-letters/([0-9]+)/(replay|discard)$")]
    private static partial Regex OneDeadLetter();

    [GeneratedRegex("^/workflows/instances/([^/]+)/(retry|cancel)$")]
    private static partial Regex OneWorkflow();
}
