namespace ApiPlatform.VendorConnectors.Upstream;

/// <summary>A connector as its calls are counted: the system API it serves (<c>crm</c>) and its name (<c>salesforce</c>).</summary>
public readonly record struct Vendor(string System, string Connector);
