namespace ApiPlatform.Messaging.Benchmarks;

/// <summary>A business row on the producer side, an applied event on the consumer side.</summary>
public sealed class BenchRow
{
    public long Id { get; set; }

    public int Number { get; set; }
}
