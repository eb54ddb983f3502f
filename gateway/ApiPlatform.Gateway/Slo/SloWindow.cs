namespace ApiPlatform.Gateway.Slo;

/// <summary>The windows SLO compliance is measured over.</summary>
internal static class SloWindow
{
    public static readonly TimeSpan Default = TimeSpan.FromDays(1);

    public static readonly TimeSpan Max = TimeSpan.FromDays(7);
}
