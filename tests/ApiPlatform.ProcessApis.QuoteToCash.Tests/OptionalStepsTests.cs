using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ProcessApis.QuoteToCash.Tests.Infrastructure;
using ApiPlatform.ProcessApis.QuoteToCash.Workflows;
using ApiPlatform.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.QuoteToCash.Tests;

/// <summary>
/// <c>QuoteToCash:Tenants:{tenant}:DisabledSteps</c>: the optional steps a tenant switched off answer Skipped without
/// calling a system; for a tenant that did not, the same steps with the same order call their systems.
/// </summary>
public sealed class OptionalStepsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["QuoteToCash:SubscriptionPrices:MAN-TECH-DOC"] = "price_platform_pro_monthly",
        ["QuoteToCash:Tenants:acme:DisabledSteps:0"] = OrderSteps.ReserveInventory,
        ["QuoteToCash:Tenants:acme:DisabledSteps:1"] = OrderSteps.CrmContract,
        ["QuoteToCash:Tenants:acme:DisabledSteps:2"] = OrderSteps.Billing,
        ["QuoteToCash:Tenants:globex:DisabledSteps:0"] = OrderSteps.Billing,
    };

    [Theory]
    [InlineData(OrderSteps.ReserveInventory, "This tenant does not reserve stock for orders.")]
    [InlineData(OrderSteps.CrmContract, "This tenant does not record contracts in CRM.")]
    [InlineData(OrderSteps.Billing, "This tenant does not use subscription billing.")]
    public async Task A_step_the_tenant_disabled_is_skipped_without_calling_a_system(string step, string detail)
    {
        var systems = new UnavailableSystems();

        var result = await RunAsync(systems, step, "acme");

        Assert.Equal((StepOutcome.Skipped, detail), (result.Outcome, result.Detail));
        Assert.Empty(systems.Requests);
    }

    [Theory]
    [InlineData(OrderSteps.ReserveInventory, "POST /v1/reservations")]
    [InlineData(OrderSteps.CrmContract, "POST /v1/quotes/q-1/accept")]
    [InlineData(OrderSteps.Billing, "GET /v1/contacts")]
    public async Task For_a_tenant_that_uses_the_step_it_calls_its_system(string step, string call)
    {
        var systems = new UnavailableSystems();

        await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(systems, step, "initech"));

        Assert.Equal(call, Assert.Single(systems.Requests));
    }

    [Fact]
    public async Task Only_the_steps_a_tenant_names_are_skipped()
    {
        var systems = new UnavailableSystems();

        var billing = await RunAsync(systems, OrderSteps.Billing, "globex");
        await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(systems, OrderSteps.CrmContract, "globex"));

        Assert.Equal(StepOutcome.Skipped, billing.Outcome);
        Assert.Equal(["POST /v1/quotes/q-1/accept"], systems.Requests);
    }

    /// <summary>Runs one declared step of the workflow on an order with a stocked line and a subscription line, with the rules bound from configuration.</summary>
    private static Task<StepResult> RunAsync(UnavailableSystems systems, string step, string tenant)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());
        services.AddOptions<QuoteToCashOptions>().BindConfiguration(QuoteToCashOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<QuoteToCashOptions>, QuoteToCashOptionsValidator>();
        var rules = services.BuildServiceProvider().GetRequiredService<IOptions<QuoteToCashOptions>>();

        var workflow = new OrderWorkflow(systems.Client<ICrmApi>(), systems.Client<IErpApi>(), systems.Client<IFinanceApi>(), rules, null!, null!);
        var state = new OrderState
        {
            QuoteId = "q-1", Tenant = tenant, QuoteNumber = "Q-1", AccountId = "acc-1", CustomerName = "Acme", Total = new Money(1_150m, "EUR"),
            Lines =
            [
                new OrderLine(1, "PUMP-H2", "Hydraulic pump", 2m, new Money(500m, "EUR"), 0m, new Money(1_000m, "EUR")) { Stocked = true },
                new OrderLine(2, "MAN-TECH-DOC", "Technical documentation", 1m, new Money(150m, "EUR"), 0m, new Money(150m, "EUR")),
            ],
        };
        return workflow.Steps.Single(s => s.Name == step).Run(new StepContext<OrderState>
        {
            InstanceId = "or-1", Step = step, Tenant = tenant, IdempotencyKey = $"or-1:{step}", Attempt = 1, State = state, Signal = null, Now = Monday,
        }, CancellationToken.None);
    }
}
