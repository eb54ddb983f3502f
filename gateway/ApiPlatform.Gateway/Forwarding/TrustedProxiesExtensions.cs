using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Forwarding;

internal static class TrustedProxiesExtensions
{
    /// <summary>
    /// Behind configured proxies, the client's address and scheme come from their forwarded headers, first thing in the
    /// pipeline, so every per-address limit (token endpoint, webhooks) and the audit see the real client.
    /// </summary>
    public static void AddTrustedProxies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrustedProxiesOptions>().BindConfiguration(TrustedProxiesOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TrustedProxiesOptions>, TrustedProxiesValidator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxiesOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = trusted.Value.ForwardLimit;
            // ASP.NET Core trusts loopback by default; only what is configured is trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in trusted.Value.Addresses)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }
            foreach (var network in trusted.Value.Networks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddSingleton<IStartupFilter, TrustedProxiesStartupFilter>();
    }

    private sealed class TrustedProxiesStartupFilter(IOptions<TrustedProxiesOptions> trusted) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            if (trusted.Value.Any)
            {
                app.UseForwardedHeaders();
            }
            next(app);
        };
    }
}
