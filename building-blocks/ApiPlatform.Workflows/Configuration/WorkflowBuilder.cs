using ApiPlatform.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApiPlatform.Workflows.Configuration;

/// <summary>Declares, explicitly, the workflow types a service runs.</summary>
public sealed class WorkflowBuilder<TContext> where TContext : DbContext
{
    private readonly IServiceCollection services;
    private readonly WorkflowRegistry registry;

    internal WorkflowBuilder(IServiceCollection services, WorkflowRegistry registry)
    {
        this.services = services;
        this.registry = registry;
    }

    /// <summary>This service runs <typeparamref name="TWorkflow"/>, resolved per run from a new scope.</summary>
    public WorkflowBuilder<TContext> Runs<TWorkflow, TState>()
        where TWorkflow : class, IWorkflow<TState>
        where TState : class
    {
        var executor = typeof(WorkflowExecutor<TContext, TWorkflow, TState>);
        registry.Add(TWorkflow.Name, executor);
        services.TryAddScoped<TWorkflow>();
        services.TryAddSingleton(executor);
        return this;
    }
}
