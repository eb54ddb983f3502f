namespace ApiPlatform.ExperienceApis.Analytics.Data;

/// <summary>A business document (<c>kind:id</c>) known to belong to a transaction.</summary>
public sealed class TransactionLinkEntity
{
    public required string Reference { get; init; }
    public required string TransactionId { get; set; }
}
