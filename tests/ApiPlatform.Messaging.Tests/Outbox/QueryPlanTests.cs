using System.Data;
using System.Data.Common;
using ApiPlatform.Messaging.Inbox;
using ApiPlatform.Messaging.Monitoring;
using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Messaging.Tests.Outbox;

/// <summary>
/// The outbox keeps published rows for an hour, and the inbox and dead-letter tables grow with every event, so a
/// statement the relay, a consumer or the monitor repeats must find its rows through an index: one that reads the whole table
/// costs more with every row kept (a relay pass read back its claim by <c>LockedBy</c>, which no index covers).
/// Each statement the messaging code issued against its tables is explained on the same database with the same
/// parameters; on PostgreSQL with sequential scans disabled, so that a sequential scan in the plan means no index
/// could serve it, however few rows the test has.
/// </summary>
public sealed class QueryPlanTests
{
    private static readonly string[] Tables = ["messaging_outbox", "messaging_inbox", "messaging_dead_letters"];

    [SkippableTheory]
    [InlineData(Engine.Embedded)]
    [InlineData(Engine.PostgresAndRedis)]
    public async Task Every_statement_of_a_relay_pass_a_consumer_pass_and_the_monitor_reads_the_messaging_tables_through_an_index(Engine engine)
    {
        var recorder = new StatementRecorder();
        await using var service = await ServiceUnderTest.CreateAsync(
            m => m.Publishes<OrderPlaced>().Handles<OrderPlaced, RecordEffect>(RecordEffect.Group),
            new Dictionary<string, string?> { ["Messaging:Consumer:MaxAttempts"] = "2" },
            engine,
            services => services.ConfigureDbContext<ProofDbContext>((_, options) => options.AddInterceptors(recorder)));
        service.Switches.Poison[3] = true;
        var worker = service.Worker();
        await worker.RunOnceAsync(default);
        var relay = service.Relay;
        await OutboxRelayTests.PublishCommittedAsync(service, 1, 2, 3);

        // A relay pass (with the periodic clean-up of published rows), then consumer passes until the poison event is
        // dead-lettered.
        service.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(3, await relay.RelayOnceAsync(default));
        for (var pass = 0; pass < 4; pass++)
        {
            await worker.RunOnceAsync(default);
            service.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        // What the gauges, readiness and the operations API read every monitor interval, and the inbox's clean-up
        // (finding where a batch ends, then deleting up to there).
        var figures = await service.Services.GetRequiredService<MessagingQueries<ProofDbContext>>().ReadAsync(default);
        service.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(2, await service.Services.GetRequiredService<InboxPruner<ProofDbContext>>().PruneAsync(default));
        Assert.Equal(1, figures.OpenDeadLetters[RecordEffect.Group]);
        Assert.Equal([1, 2], (await service.EffectsAsync()).Select(e => e.Number).Order());
        Assert.Single(await service.QueryAsync(d => d.Set<DeadLetters.DeadLetter>().ToListAsync()));

        var statements = recorder.Statements.Where(s => Tables.Any(s.Text.Contains) && IsRead(s.Text)).ToList();
        Assert.All(Tables, table => Assert.Contains(statements, s => s.Text.Contains(table, StringComparison.Ordinal)));
        Assert.Contains(statements, s => s.Text.Contains("LockedBy", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Text.StartsWith("DELETE", StringComparison.Ordinal) && s.Text.Contains("messaging_outbox", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Text.StartsWith("DELETE", StringComparison.Ordinal) && s.Text.Contains("messaging_inbox", StringComparison.Ordinal));

        var scans = new List<string>();
        await using var database = service.Database.CreateContext();
        var connection = database.Database.GetDbConnection();
        await connection.OpenAsync();
        var sqlite = service.Database.Provider == "sqlite";
        if (!sqlite)
        {
            await using var disable = connection.CreateCommand();
            disable.CommandText = "SET enable_seqscan = off";
            await disable.ExecuteNonQueryAsync();
        }
        foreach (var statement in statements)
        {
            var plan = await ExplainAsync(connection, sqlite, statement);
            if (ReadsWholeTable(plan, sqlite))
            {
                scans.Add($"{statement.Text}\n  plan: {string.Join("\n  plan: ", plan)}");
            }
        }

        Assert.True(scans.Count == 0, "Statements that read a whole messaging table:\n" + string.Join("\n\n", scans));
    }

    /// <summary>
    /// SQLite: a <c>SCAN</c> of a table, through an index or not (a bounded read is a <c>SEARCH</c>). PostgreSQL: a
    /// sequential scan, or an index scan with no index condition (it walks the whole index, filtering every row).
    /// </summary>
    private static bool ReadsWholeTable(List<string> plan, bool sqlite)
    {
        if (sqlite)
        {
            return plan.Any(line => line.StartsWith("SCAN ", StringComparison.Ordinal) && line != "SCAN CONSTANT ROW"
                && !line.Contains("VIRTUAL TABLE", StringComparison.Ordinal));
        }
        for (var node = 0; node < plan.Count; node++)
        {
            if (plan[node].Contains("Seq Scan on ", StringComparison.Ordinal))
            {
                return true;
            }
            if (plan[node].Contains("Index Scan using ", StringComparison.Ordinal) || plan[node].Contains("Index Only Scan using ", StringComparison.Ordinal))
            {
                var details = plan.Skip(node + 1).TakeWhile(line => !line.StartsWith("->", StringComparison.Ordinal));
                if (!details.Any(line => line.StartsWith("Index Cond:", StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool IsRead(string text)
    {
        var start = text.TrimStart();
        return start.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<List<string>> ExplainAsync(DbConnection connection, bool sqlite, Statement statement)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + statement.Text;
        foreach (var (name, value, type) in statement.Parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            parameter.Value = value ?? DBNull.Value;
            explain.Parameters.Add(parameter);
        }
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // SQLite: id, parent, notused, detail. PostgreSQL: one line of text per row.
            plan.Add(reader.GetString(sqlite ? 3 : 0).Trim());
        }
        return plan;
    }

    private sealed record Statement(string Text, IReadOnlyList<(string Name, object? Value, DbType Type)> Parameters);

    /// <summary>Keeps the text and parameters of every statement a context of the service runs, one statement each.</summary>
    private sealed class StatementRecorder : DbCommandInterceptor
    {
        private readonly Lock gate = new();
        private readonly List<Statement> statements = [];

        public IReadOnlyList<Statement> Statements
        {
            get
            {
                lock (gate)
                {
                    return [.. statements];
                }
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command);
            return result;
        }

        private void Record(DbCommand command)
        {
            var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value, p.DbType)).ToList();
            // A batch (several statements in one command) is recorded statement by statement.
            var texts = command.CommandText.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            lock (gate)
            {
                statements.AddRange(texts.Select(text => new Statement(text.TrimEnd(';'), parameters)));
            }
        }
    }
}
