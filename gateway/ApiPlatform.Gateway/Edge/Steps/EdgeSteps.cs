using System.Net;
using System.Net.Sockets;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.RateLimiting;

namespace ApiPlatform.Gateway.Edge.Steps;

/// <summary>What several steps share: answering a refusal, and limiting per source address.</summary>
internal static class EdgeSteps
{
    /// <summary>A step's refusal: the request stops once the answer is written.</summary>
    public static ValueTask<bool> Refuse(Task answering) =>
        answering.IsCompletedSuccessfully ? ValueTask.FromResult(false) : AwaitRefusal(answering);

    private static async ValueTask<bool> AwaitRefusal(Task answering)
    {
        await answering;
        return false;
    }

    public static async ValueTask<bool> LimitSourceAsync(GatewayRateLimiter limiter, GatewayRequest request, SourceLimit limit)
    {
        var decision = await limiter.AcquireAsync(limit.Bucket, SourceOf(request.Context.Connection.RemoteIpAddress), limit.Policy);
        if (decision.Admitted)
        {
            return true;
        }
        await RateLimitErrors.WriteTooManyRequestsAsync(request.Context, decision, limit.Refusal);
        return false;
    }

    /// <summary>The address, or for IPv6 its /64: one host usually holds a whole /64 and could rotate through it.</summary>
    public static string SourceOf(IPAddress? address)
    {
        if (address is null)
        {
            return "ip:unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return $"ip:{address.MapToIPv4()}";
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return $"ip:{address}";
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return $"ip:{new IPAddress(bytes)}/64";
    }
}
