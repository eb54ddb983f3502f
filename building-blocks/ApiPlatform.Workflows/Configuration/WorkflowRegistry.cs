using ApiPlatform.Workflows.Runtime;

namespace ApiPlatform.Workflows.Configuration;

/// <summary>The workflow types this service runs, by wire name.</summary>
internal sealed class WorkflowRegistry
{
    private readonly Dictionary<string, Type> executors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Type> Executors => executors;

    public void Add(string name, Type executor)
    {
        if (!executors.TryAdd(name, executor))
        {
            throw new ArgumentException($"Workflow type '{name}' is registered twice.");
        }
    }
}
