using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using ApiPlatform.Contracts.Erp;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.EndToEnd.Tests.Console;

/// <summary>
/// Makes erp's master-data consumer fail for accounts of chosen names, so that their crm.account.changed.v1 events end
/// in erp's dead letters; once a name is cured, a replay upserts the customer like any first delivery. Only the embedded
/// ERP connector's upsert is wrapped, and only for those names: every other call reaches the connector untouched.
/// </summary>
public sealed class PoisonedCustomers
{
    private readonly ConcurrentDictionary<string, bool> names = new();

    public void Poison(string accountName) => names[accountName] = true;

    public void Cure(string accountName) => names.TryRemove(accountName, out _);

    private bool IsPoisoned(object? request) => request is UpsertCustomerRequest upsert && names.ContainsKey(upsert.Name);

    /// <summary>Wraps erp's keyed "embedded" connector (internal to erp, so it is found by name).</summary>
    public void AddTo(IServiceCollection services)
    {
        var embedded = services.Single(d => d.IsKeyedService && d.ServiceType.Name == "IErpConnector" && Equals(d.ServiceKey, "embedded"));
        services.Remove(embedded);
        services.Add(new ServiceDescriptor(embedded.ServiceType, embedded.ServiceKey, (provider, _) =>
        {
            var proxy = DispatchProxy.Create(embedded.ServiceType, typeof(PoisonProxy));
            ((PoisonProxy)proxy).Wrap(ActivatorUtilities.CreateInstance(provider, embedded.KeyedImplementationType!), this);
            return proxy;
        }, embedded.Lifetime));
    }

#pragma warning disable CA1852 // DispatchProxy derives from it.
    internal class PoisonProxy : DispatchProxy
#pragma warning restore CA1852
    {
        private object inner = null!;
        private PoisonedCustomers owner = null!;

        public void Wrap(object connector, PoisonedCustomers poisoned) => (inner, owner) = (connector, poisoned);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == "UpsertCustomerAsync" && owner.IsPoisoned(args?[0]))
            {
                throw new InvalidOperationException("The ERP refused the customer (poisoned by the test).");
            }
            try
            {
                return targetMethod.Invoke(inner, args);
            }
            catch (TargetInvocationException error) when (error.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(error.InnerException);
                throw;
            }
        }
    }
}
