using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApiPlatform.VendorConnectors.Routing;

public static class ConnectorRegistration
{
    /// <summary>
    /// Binds <c>{section}:DefaultConnector</c> and <c>{section}:Connectors:{tenant}</c>, validated at start against
    /// <paramref name="kinds"/>, and registers the router that picks a tenant's <typeparamref name="TConnector"/>.
    /// </summary>
    public static ConnectorRoutingOptions AddConnectorRouting<TConnector>(
        this IServiceCollection services, IConfiguration configuration, string section, params string[] kinds) where TConnector : class
    {
        services.AddOptions<ConnectorRoutingOptions>(section).BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConnectorRoutingOptions>>(new ConnectorRoutingValidator(section, kinds));
        services.AddScoped(provider => new ConnectorRouter<TConnector>(
            provider, provider.GetRequiredService<IOptionsMonitor<ConnectorRoutingOptions>>(), section));
        return configuration.GetSection(section).Get<ConnectorRoutingOptions>() ?? new ConnectorRoutingOptions();
    }

    /// <summary>Binds a vendor's settings at <paramref name="section"/>, validated at start with messages that name each key.</summary>
    public static OptionsBuilder<T> AddVendorOptions<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    private sealed class SectionValidator<T>(string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                return ValidateOptionsResult.Success;
            }
            return ValidateOptionsResult.Fail(results.Select(r =>
                $"Configuration '{section}:{string.Join(",", r.MemberNames)}': {r.ErrorMessage}"));
        }
    }
}
