namespace ApiPlatform.Gateway.Idempotency;

internal static class IdempotencyModes
{
    /// <summary>Reads the catalog value, already validated as <c>none</c>, <c>optional</c> or <c>required</c>.</summary>
    public static IdempotencyMode Parse(string value) => value switch
    {
        "required" => IdempotencyMode.Required,
        "optional" => IdempotencyMode.Optional,
        _ => IdempotencyMode.None,
    };

    public static bool AppliesTo(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPatch(method);
}
