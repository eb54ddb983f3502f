using ApiPlatform.Messaging.Tests.Processes;

namespace ApiPlatform.Messaging.Tests;

/// <summary>
/// The proof tests start this assembly with <c>dotnet ApiPlatform.Messaging.Tests.dll {producer|consumer} --key=value…</c>
/// as a real process they can kill by its PID; the test runner itself never calls it.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        ProducerProcess.Mode => await ProducerProcess.RunAsync(args[1..]),
        ConsumerProcess.Mode => await ConsumerProcess.RunAsync(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine($"usage: ApiPlatform.Messaging.Tests {ProducerProcess.Mode}|{ConsumerProcess.Mode} --key=value ...");
        return 2;
    }
}
