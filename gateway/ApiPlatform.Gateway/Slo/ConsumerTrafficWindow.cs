namespace ApiPlatform.Gateway.Slo;

/// <summary>
/// The bounds of the per-consumer series: how far back they are asked for and kept, how many points one answer has, and
/// the name the requests of consumers beyond <see cref="GatewayOptions.ConsumerTrafficLimit"/> are counted under.
/// </summary>
internal static class ConsumerTrafficWindow
{
    public static readonly TimeSpan Default = TimeSpan.FromHours(1);

    public static readonly TimeSpan Max = TimeSpan.FromDays(1);

    /// <summary>The longest window plus the hour being written.</summary>
    public static readonly TimeSpan Retention = Max + TimeSpan.FromHours(1);

    public const int MaxPoints = 120;

    public const string OtherConsumers = "(other)";
}
