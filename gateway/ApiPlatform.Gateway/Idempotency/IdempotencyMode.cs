namespace ApiPlatform.Gateway.Idempotency;

/// <summary>The catalog's <c>policies.idempotency</c> for POST and PATCH on an API.</summary>
internal enum IdempotencyMode
{
    None,
    Optional,
    Required,
}
