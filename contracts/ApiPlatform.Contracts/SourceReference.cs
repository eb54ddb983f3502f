namespace ApiPlatform.Contracts;

/// <summary>The system of record that owns a record and the record's id there.</summary>
public sealed record SourceReference(string System, string ExternalId);
