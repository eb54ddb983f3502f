namespace ApiPlatform.Gateway.Slo;

/// <summary>One consumer of one API version in one minute (Unix minutes).</summary>
internal readonly record struct ConsumerSloKey(string Api, int Major, string ClientId, long Minute);
