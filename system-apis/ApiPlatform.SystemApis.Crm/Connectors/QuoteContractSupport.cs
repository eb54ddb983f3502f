using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.SystemApis.Crm.Connectors;

/// <summary>Accepting a quote (recording its contract) is offered by the embedded CRM only; a vendor CRM answers this problem.</summary>
internal static class QuoteContractSupport
{
    public static ProblemException NotSupported(string system) =>
        new(501, ProblemTypes.NotSupported, $"Not supported by {system}",
            $"Accepting a quote (recording its contract and winning its opportunity) is offered by the embedded CRM; this tenant's quotes are in {system}.");
}
