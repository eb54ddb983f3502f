using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ServiceDefaults.Auth;

/// <summary>
/// The framework's scheme provider answers every lookup with a new completed task, and authentication asks for the
/// default scheme and then for it by name on every request. The answers only change when a scheme is added or removed,
/// so the completed tasks are kept until then.
/// </summary>
internal sealed class CachingAuthenticationSchemeProvider(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
{
    private readonly ConcurrentDictionary<string, Task<AuthenticationScheme?>> byName = new(StringComparer.Ordinal);
    private Task<AuthenticationScheme?>? defaultAuthenticate;

    public override Task<AuthenticationScheme?> GetSchemeAsync(string name) =>
        byName.TryGetValue(name, out var cached) ? cached : byName.GetOrAdd(name, base.GetSchemeAsync(name));

    public override Task<AuthenticationScheme?> GetDefaultAuthenticateSchemeAsync() =>
        defaultAuthenticate ??= base.GetDefaultAuthenticateSchemeAsync();

    public override void AddScheme(AuthenticationScheme scheme)
    {
        base.AddScheme(scheme);
        Forget();
    }

    public override bool TryAddScheme(AuthenticationScheme scheme)
    {
        var added = base.TryAddScheme(scheme);
        Forget();
        return added;
    }

    public override void RemoveScheme(string name)
    {
        base.RemoveScheme(name);
        Forget();
    }

    private void Forget()
    {
        byName.Clear();
        defaultAuthenticate = null;
    }
}
