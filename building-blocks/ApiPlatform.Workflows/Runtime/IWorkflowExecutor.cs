namespace ApiPlatform.Workflows.Runtime;

/// <summary>Runs claimed instances of one workflow type.</summary>
internal interface IWorkflowExecutor
{
    /// <summary>Runs the instance until it waits, is due later, ends, or the claim is lost or the runner stops.</summary>
    Task RunAsync(string instanceId, long fence, string owner, CancellationToken stopping);

    /// <summary>The declared step names, in order.</summary>
    IReadOnlyList<string> StepNames(IServiceProvider services);
}
