namespace ApiPlatform.VendorConnectors.Telemetry;

/// <summary>
/// A vendor answer that broke the canonical mapping: which connector, which vendor field (or JSON path) and which vendor
/// operation. Never any value of the answer, so no personal data of the vendor payload travels further.
/// </summary>
public sealed record MappingFailure(string System, string Connector, string Field, string Operation)
{
    private const string DataKey = "ApiPlatform.MappingFailure";

    /// <summary>The field when the failure did not name one (an answer that is no JSON at all).</summary>
    public const string UnnamedField = "(answer)";

    /// <summary>Attaches the failure to the problem the caller gets, for the service to publish once the request ends.</summary>
    public void AttachTo(Exception problem) => problem.Data[DataKey] = this;

    public static MappingFailure? Of(Exception problem) => problem.Data[DataKey] as MappingFailure;
}
