using System.Collections;

namespace ApiPlatform.ServiceDefaults.Telemetry;

/// <summary>The log scope of a request: one field, <c>CorrelationId</c>, without a dictionary per request.</summary>
internal sealed class CorrelationScope(string correlationId) : IReadOnlyList<KeyValuePair<string, object>>
{
    public const string Field = "CorrelationId";

    public int Count => 1;

    public KeyValuePair<string, object> this[int index] =>
        index == 0 ? new(Field, correlationId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Field}:{correlationId}";
}
