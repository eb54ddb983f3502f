using ApiPlatform.Workflows.Tests.Processes;

namespace ApiPlatform.Workflows.Tests;

/// <summary>
/// The crash proofs start this assembly with <c>dotnet ApiPlatform.Workflows.Tests.dll runner --key=value…</c> as a real
/// process they can kill by its PID; the test runner itself never calls it.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        RunnerProcess.Mode => await RunnerProcess.RunAsync(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine($"usage: ApiPlatform.Workflows.Tests {RunnerProcess.Mode} --key=value ...");
        return 2;
    }
}
