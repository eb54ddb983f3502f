using System.Globalization;
using Xunit.Abstractions;

namespace ApiPlatform.Workflows.Tests.Proofs;

/// <summary>Reports a proof's figures in the test output and, when APIPLATFORM_PROOF_FIGURES names a file, appends them there.</summary>
internal static class ProofFigures
{
    private static readonly Lock FileLock = new();

    public static void Report(ITestOutputHelper output, string proof, string engine, params (string Name, object Value)[] figures)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{proof} [{engine}]: {string.Join(", ", figures.Select(f => $"{f.Name} {Format(f.Value)}"))}");
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("APIPLATFORM_PROOF_FIGURES") is { Length: > 0 } file)
        {
            lock (FileLock)
            {
                File.AppendAllLines(file, [line]);
            }
        }
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("0.0", CultureInfo.InvariantCulture),
        TimeSpan t => t.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
