using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApiPlatform.ServiceDefaults.Auth;

internal static class AuthorizationServiceLifetimes
{
    /// <summary>
    /// ASP.NET Core registers the authorization services as transient, so every request builds a policy evaluator, an
    /// authorization service and its handler provider again. Ours are stateless (policies from options, assertions
    /// over the caller's claims, no scoped handler), so one instance serves every request; Development's scope
    /// validation would refuse a scoped handler added later.
    /// </summary>
    public static void MakeAuthorizationSingletons(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationService, DefaultAuthorizationService>());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationHandlerProvider, DefaultAuthorizationHandlerProvider>());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationEvaluator, DefaultAuthorizationEvaluator>());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationHandlerContextFactory, DefaultAuthorizationHandlerContextFactory>());
        services.Replace(ServiceDescriptor.Singleton<IPolicyEvaluator, PolicyEvaluator>());
        var handlers = services.Where(d => d.ServiceType == typeof(IAuthorizationHandler) && d.Lifetime == ServiceLifetime.Transient
            && d.ImplementationType == typeof(PassThroughAuthorizationHandler)).ToList();
        foreach (var handler in handlers)
        {
            services.Remove(handler);
            services.AddSingleton<IAuthorizationHandler, PassThroughAuthorizationHandler>();
        }
    }
}
