namespace ApiPlatform.Gateway;

/// <summary>
/// How the gateway's sockets complete. A proxy's every step is I/O (read the request, call the upstream, copy its
/// answer back) and its own code never blocks, so the completion of a socket operation runs on the socket engine's
/// thread that observed it instead of hopping to a thread-pool thread first: one thread wake-up less per operation,
/// about 5 % more requests per second on two cores (docs/benchmark.md). The price is that code blocking in such a
/// continuation would hold up the sockets of that engine, which is why .NET does not do it by default and why it is
/// not done for the platform's services, which run handlers of arbitrary cost. An operator who sets the variable keeps
/// their value (<c>0</c> turns it off).
/// </summary>
public static class SocketDefaults
{
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Call first thing in <c>Main</c>: the runtime reads the variable when the first socket is used.</summary>
    public static void PreferInlineCompletions()
    {
        if (Environment.GetEnvironmentVariable(InlineCompletionsVariable) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
        }
    }
}
