using System.Text.Json;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Refit;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis;

/// <summary>Answers a downstream API's expected problem (404, 409, 422) to the partner in the portal's words.</summary>
internal static class UpstreamProblem
{
    public static ProblemHttpResult Relay(ApiException error, Dictionary<string, string> renames)
    {
        var status = (int)error.StatusCode;
        var title = "The request could not be completed";
        string? detail = null;
        var extensions = new Dictionary<string, object?>();
        try
        {
            using var body = JsonDocument.Parse(error.Content ?? "{}");
            foreach (var property in body.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "title": title = property.Value.GetString() ?? title; break;
                    case "detail": detail = property.Value.GetString(); break;
                    default:
                        if (renames.TryGetValue(property.Name, out var renamed))
                        {
                            extensions[renamed] = property.Value.GetString();
                        }
                        break;
                }
            }
        }
        catch (JsonException)
        {
            detail = null;
        }

        return ProblemDetailsExtensions.Problem(status, ProblemTypes.ForStatus(status), title, detail ?? title, extensions);
    }
}
