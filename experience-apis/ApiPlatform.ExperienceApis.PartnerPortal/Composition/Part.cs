namespace ApiPlatform.ExperienceApis.PartnerPortal.Composition;

/// <summary>One part of a composed view: its value (null when there is none to show) or the news that it could not be loaded.</summary>
public sealed record Part<T>(T? Value, bool Available) where T : class
{
    public static readonly Part<T> None = new(null, true);
}
