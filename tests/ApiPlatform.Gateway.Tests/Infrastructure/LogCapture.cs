using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>Keeps every log record of one host with its category and structured state, for assertions.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> records = new();

    public IReadOnlyList<LogRecord> Records => [.. records];

    public IEnumerable<LogRecord> Category(string category) => records.Where(r => r.Category == category);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, records);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            records.Enqueue(new LogRecord(category, logLevel, eventId.Id, formatter(state, exception),
                fields.ToDictionary(f => f.Key, f => f.Value)));
        }
    }
}

/// <summary>One captured log record.</summary>
public sealed record LogRecord(string Category, LogLevel Level, int EventId, string Message, Dictionary<string, object?> Fields);
