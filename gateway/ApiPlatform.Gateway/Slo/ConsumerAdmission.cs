using System.Collections.Concurrent;

namespace ApiPlatform.Gateway.Slo;

/// <summary>
/// The consumers of one API version that get a series of their own in one hour: the first <c>limit</c> seen; the requests
/// of any other are counted under <see cref="ConsumerTrafficWindow.OtherConsumers"/>, so the number of series stays
/// bounded however many clients call.
/// </summary>
internal sealed class ConsumerAdmission(int limit)
{
    private readonly ConcurrentDictionary<string, byte> clients = new(StringComparer.Ordinal);
    private int count;

    public string Admit(string clientId)
    {
        if (clients.ContainsKey(clientId))
        {
            return clientId;
        }
        if (Interlocked.Increment(ref count) > limit)
        {
            Interlocked.Decrement(ref count);
            return ConsumerTrafficWindow.OtherConsumers;
        }
        if (!clients.TryAdd(clientId, 0))
        {
            Interlocked.Decrement(ref count);
        }
        return clientId;
    }
}
