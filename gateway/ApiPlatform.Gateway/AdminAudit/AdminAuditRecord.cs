namespace ApiPlatform.Gateway.AdminAudit;

/// <summary>One admin action as stored: who (<see cref="Actor"/>, through <see cref="Client"/>), when, what and why.</summary>
public sealed class AdminAuditRecord
{
    public long Id { get; set; }

    /// <summary>Unix milliseconds, so that both providers filter and order it the same way.</summary>
    public long AtMs { get; set; }

    /// <summary>The token's subject: a person's user name, or the client acting for itself.</summary>
    public required string Actor { get; set; }

    /// <summary>The client the actor came through (the console, an admin client).</summary>
    public string? Client { get; set; }

    /// <summary><c>lifecycle.deprecate</c>, <c>dead-letter.replay</c>, …</summary>
    public required string Action { get; set; }

    public string? Api { get; set; }

    /// <summary>What was acted on: <c>partner-portal v1</c>, <c>quote-to-cash dead letter 42</c>.</summary>
    public required string Target { get; set; }

    public string? Reason { get; set; }

    /// <summary>A JSON object with the action's particulars (a lifecycle change's before and after).</summary>
    public string? Details { get; set; }

    public string? CorrelationId { get; set; }
}
