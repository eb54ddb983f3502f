using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.VendorConnectors.Telemetry;

/// <summary>
/// Sees each failed request before the problem is written: a problem carrying a <see cref="MappingFailure"/> is
/// published. It never answers itself, so the caller's 502 is the one the platform's exception handler writes,
/// unchanged; a failure to publish is logged and does not change that answer.
/// </summary>
internal sealed class MappingFailureExceptionHandler(
    Func<MappingFailure, HttpContext, CancellationToken, Task> publish, ILogger<MappingFailureExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (MappingFailure.Of(exception) is { } failure)
        {
            try
            {
                await publish(failure, context, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "The mapping failure of {Connector} on {Field} could not be published", failure.Connector, failure.Field);
            }
        }
        return false;
    }
}
