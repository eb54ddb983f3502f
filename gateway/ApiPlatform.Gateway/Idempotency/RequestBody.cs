namespace ApiPlatform.Gateway.Idempotency;

internal static class RequestBody
{
    /// <summary>
    /// Reads the whole request body (bounded by the route's body limit, which answers 413 beyond it) into memory and
    /// puts it back as the body that is forwarded.
    /// </summary>
    public static async Task<MemoryStream> BufferAsync(HttpContext context)
    {
        var length = context.Request.ContentLength;
        var buffer = new MemoryStream(length is > 0 and <= int.MaxValue ? (int)length.Value : 0);
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        buffer.Position = 0;
        context.Request.Body = buffer;
        context.Response.RegisterForDispose(buffer);
        return buffer;
    }
}
