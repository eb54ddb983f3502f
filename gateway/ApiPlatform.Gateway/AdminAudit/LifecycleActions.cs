using ApiPlatform.Gateway.Lifecycle;

namespace ApiPlatform.Gateway.AdminAudit;

/// <summary>Names a lifecycle change for the audit by what it did to the version.</summary>
internal static class LifecycleActions
{
    public static string Of(LifecycleState before, LifecycleState after) => after.Status switch
    {
        _ when after.Status == before.Status && after.SunsetAt != before.SunsetAt => "lifecycle.set-sunset",
        "deprecated" => "lifecycle.deprecate",
        "retired" => "lifecycle.retire",
        "active" when before.Status is "deprecated" or "retired" => "lifecycle.reactivate",
        _ => "lifecycle.change",
    };
}
