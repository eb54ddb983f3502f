using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Composition;

/// <summary>How long a composed view waits for each of its parts (<c>PartnerPortal:PartTimeout</c>).</summary>
public sealed class CompositionOptions
{
    public const string Section = "PartnerPortal";

    /// <summary>
    /// A part that has not answered by then is named unavailable and the rest of the view is answered. It stays well
    /// below the gateway's route timeout (the catalog's 30 s), so a slow system never turns a view into a gateway timeout.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:20")]
    public TimeSpan PartTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
