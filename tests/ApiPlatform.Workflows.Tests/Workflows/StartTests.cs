using ApiPlatform.Workflows.Persistence;
using ApiPlatform.Workflows.Tests.Infrastructure;
using ApiPlatform.Workflows.Tests.TestWorkflows;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Workflows.Tests.Workflows;

public sealed class StartTests
{
    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_second_start_with_the_same_business_key_answers_the_first_instance(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider);

        var first = await service.WithClientAsync(c => c.StartAsync<OrderWorkflow, OrderState>("wf-first", null, "quote-7", new OrderState(), "test", default));
        var second = await service.WithClientAsync(c => c.StartAsync<OrderWorkflow, OrderState>("wf-second", null, "quote-7", new OrderState(), "test", default));

        Assert.Equal(new WorkflowStart("wf-first", true), first);
        Assert.Equal(new WorkflowStart("wf-first", false), second);
        Assert.Null(await service.WithClientAsync(c => c.GetAsync("wf-second", default)));
        Assert.Equal("wf-first", (await service.WithClientAsync(c => c.FindAsync(OrderWorkflow.Name, "quote-7", default)))!.Id);
    }

    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Ten_concurrent_starts_with_one_business_key_make_one_instance_that_runs_once(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider);
        using var gate = new SemaphoreSlim(0);

        var starts = Enumerable.Range(1, 10).Select(n => Task.Run(() => service.WithClientAsync(async c =>
        {
            await gate.WaitAsync();
            return await c.StartAsync<OrderWorkflow, OrderState>($"wf-concurrent-{n}", null, "quote-42", new OrderState(), "test", default);
        }))).ToList();
        gate.Release(10);
        var results = await Task.WhenAll(starts);

        var created = Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal(created.InstanceId, r.InstanceId));
        await using (var database = service.Database.CreateContext())
        {
            Assert.Equal(1, await database.Set<WorkflowInstance>().CountAsync(i => i.BusinessKey == "quote-42"));
        }
        await service.WaitForAsync(created.InstanceId, WorkflowStatus.Completed);
        Assert.Equal(OrderWorkflow.StepNames, service.System.DocumentsOf(created.InstanceId).Select(d => d.Step));
        Assert.Equal(4, service.System.Requests.Count);
    }
}
