using System.Diagnostics;
using System.Runtime.InteropServices;
using ApiPlatform.AppHost;

var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables("APIPLATFORM_")
    .AddCommandLine(args.Where(a => a != "--fresh").ToArray())
    .Build();
var settings = configuration.GetSection("Platform").Get<PlatformSettings>() ?? new PlatformSettings();

if (args.Contains("--fresh") && Directory.Exists(settings.DataDirectory))
{
    Directory.Delete(settings.DataDirectory, recursive: true);
    Console.WriteLine($"Removed {Path.GetFullPath(settings.DataDirectory)} (--fresh).");
}

var stopwatch = Stopwatch.StartNew();
await using var platform = await PlatformHost.StartAsync(settings);
Banner.Print(platform, stopwatch.Elapsed);

// Ctrl+C (SIGINT) and SIGTERM stop every service cleanly, in reverse start order.
var stop = new TaskCompletionSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
await stop.Task;
Console.WriteLine("Stopping ApiPlatform...");
