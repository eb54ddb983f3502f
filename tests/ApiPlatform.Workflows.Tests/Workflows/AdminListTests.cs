using ApiPlatform.Workflows.Tests.Infrastructure;
using ApiPlatform.Workflows.Tests.TestWorkflows;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.Workflows.Tests.Workflows;

/// <summary>The operations list's filters (what <c>GET /workflows/instances?type=&amp;status=&amp;tenant=&amp;minAge=&amp;maxAge=</c> passes on).</summary>
public sealed class AdminListTests
{
    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Instances_are_listed_by_type_status_tenant_and_age(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var service = await ServiceUnderTest.StartAsync(provider, clock: clock);
        var oldOrder = await service.StartOrderAsync();
        await service.WaitForAsync(oldOrder, WorkflowStatus.Completed);
        clock.Advance(TimeSpan.FromHours(2));
        var approval = await service.StartApprovalAsync();
        await service.WaitForAsync(approval, WorkflowStatus.Waiting);
        clock.Advance(TimeSpan.FromMinutes(1));
        var otherTenant = "wf-" + Guid.NewGuid().ToString("N")[..16];
        await service.WithClientAsync(c => c.StartAsync<OrderWorkflow, OrderState>(otherTenant, "tenant-b", null, new OrderState(), "test", default));
        await service.WaitForAsync(otherTenant, WorkflowStatus.Completed);
        clock.Advance(TimeSpan.FromHours(1));
        // Now: the old order is 3 h old, the approval and tenant-b's order about 1 h (newest first).

        Assert.Equal([otherTenant, approval, oldOrder], await ListAsync(service, new WorkflowFilter()));
        Assert.Equal([otherTenant, oldOrder], await ListAsync(service, new WorkflowFilter(Type: OrderWorkflow.Name)));
        Assert.Equal([approval], await ListAsync(service, new WorkflowFilter(Type: ApprovalWorkflow.Name)));
        Assert.Equal([approval], await ListAsync(service, new WorkflowFilter(Status: WorkflowStatus.Waiting)));
        Assert.Equal([otherTenant], await ListAsync(service, new WorkflowFilter(Tenant: "tenant-b")));
        Assert.Equal([oldOrder], await ListAsync(service, new WorkflowFilter(MinAge: TimeSpan.FromHours(2))));
        Assert.Equal([otherTenant, approval], await ListAsync(service, new WorkflowFilter(MaxAge: TimeSpan.FromHours(2))));
        Assert.Equal([otherTenant], await ListAsync(service, new WorkflowFilter(Type: OrderWorkflow.Name, MaxAge: TimeSpan.FromHours(2))));
        Assert.Empty(await ListAsync(service, new WorkflowFilter(MinAge: TimeSpan.FromHours(1.5), MaxAge: TimeSpan.FromHours(2.5))));
        Assert.Equal([oldOrder], await ListAsync(service, new WorkflowFilter(Tenant: "tenant-a", MinAge: TimeSpan.FromHours(2), Status: WorkflowStatus.Completed)));

        var (page, total) = await service.WithClientAsync(c => c.ListAsync(new WorkflowFilter(Type: OrderWorkflow.Name), 1, 1, default));
        Assert.Equal((2, oldOrder), (total, Assert.Single(page).Id));
    }

    private static async Task<List<string>> ListAsync(ServiceUnderTest service, WorkflowFilter filter)
    {
        var (items, total) = await service.WithClientAsync(c => c.ListAsync(filter, 0, 50, default));
        Assert.Equal(items.Count, total);
        return items.Select(i => i.Id).ToList();
    }
}
