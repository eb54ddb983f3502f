namespace ApiPlatform.Gateway.Slo;

/// <summary>One API version in one minute (Unix minutes).</summary>
internal readonly record struct SloKey(string Api, int Major, long Minute);
