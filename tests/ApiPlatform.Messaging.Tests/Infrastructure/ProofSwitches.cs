using System.Collections.Concurrent;

namespace ApiPlatform.Messaging.Tests.Infrastructure;

/// <summary>What the test handler should do: fail on poison numbers until fixed, and how long each event takes.</summary>
public sealed class ProofSwitches
{
    public ConcurrentDictionary<int, bool> Poison { get; } = new();

    public volatile bool Fixed;

    /// <summary>How many times the handler ran for each number, failures included.</summary>
    public ConcurrentDictionary<int, int> Attempts { get; } = new();

    public bool IsPoison(int number) => !Fixed && Poison.ContainsKey(number);
}
