using ApiPlatform.ServiceDefaults.Clients;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Composition;

/// <summary>
/// Loads one part of a view within its own time budget. A part whose system fails, is unreachable or is slower than
/// <see cref="CompositionOptions.PartTimeout"/> is answered as unavailable; it never fails the whole view.
/// </summary>
public sealed class ViewComposer(IOptions<CompositionOptions> options, ILogger<ViewComposer> logger)
{
    /// <summary>Each part's time budget.</summary>
    public TimeSpan PartTimeout => options.Value.PartTimeout;

    public async Task<Part<T>> LoadAsync<T>(string system, Func<CancellationToken, Task<T?>> load, CancellationToken requestAborted) where T : class
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        budget.CancelAfter(options.Value.PartTimeout);
        try
        {
            return new Part<T>(await load(budget.Token), true);
        }
        catch (Exception ex) when (!requestAborted.IsCancellationRequested && ApiResponses.IsUpstreamFailure(ex))
        {
            logger.LogWarning(ex, "{System} could not answer within {Budget}; the view is answered without it", system, options.Value.PartTimeout);
            return new Part<T>(null, false);
        }
    }
}
