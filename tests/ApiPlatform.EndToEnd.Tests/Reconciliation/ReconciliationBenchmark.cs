using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.SystemApis.Erp.Data;
using ApiPlatform.SystemApis.Finance.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ApiPlatform.EndToEnd.Tests.Reconciliation;

/// <summary>
/// A figure, not a test (tests/load/reconciliation-benchmark.sh runs it): a period of N sales orders, each with its
/// invoice and journal entry, seeded straight into erp's and finance's databases for volume, then reconciled through
/// the gateway by the real services over HTTP. Every hundredth order has no invoice, so the run finds N/100 exceptions.
/// Prints the run's time and the process's peak memory (the whole platform runs in this one process).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReconciliationBenchmark(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Batch = 5_000;

    [SkippableFact]
    public async Task Reconciles_a_period_of_N_orders()
    {
        Skip.IfNot(int.TryParse(Environment.GetEnvironmentVariable("APIPLATFORM_RECON_BENCHMARK_ORDERS"), out var orders), "APIPLATFORM_RECON_BENCHMARK_ORDERS is not set.");
        var tenant = "recon-bench-" + Guid.NewGuid().ToString("N")[..6];
        var now = DateTimeOffset.UtcNow;
        var seeding = Stopwatch.StartNew();
        await SeedAsync(tenant, orders, now);
        output.WriteLine($"seeded {orders} orders, {orders - orders / 100} invoices and journal entries in {seeding.Elapsed.TotalSeconds:0.0} s");

        GC.Collect();
        var before = Status("VmRSS");
        var finance = await platform.FinanceAppAsync();
        var clock = Stopwatch.StartNew();
        var run = await (await finance.PostJsonAsync("/process/reconciliation/v1/runs", new { tenant, period = now.ToString("yyyy-MM") })).AssertJsonAsync(HttpStatusCode.Accepted);
        JsonElement done;
        var peakRss = before;
        do
        {
            await Task.Delay(250);
            peakRss = Math.Max(peakRss, Status("VmRSS"));
            done = await (await finance.GetAsync($"/process/reconciliation/v1/runs/{run.GetProperty("id").GetString()}")).AssertJsonAsync(HttpStatusCode.OK);
        }
        while (done.GetProperty("status").GetString() is "Queued" or "Running" && clock.Elapsed < TimeSpan.FromMinutes(30));
        clock.Stop();

        var ran = done.GetProperty("finishedAt").GetDateTimeOffset() - done.GetProperty("startedAt").GetDateTimeOffset();
        output.WriteLine($"reconciliation of {orders} orders: {done.GetProperty("status").GetString()} in {ran.TotalSeconds:0.0} s " +
            $"(request to completion {clock.Elapsed.TotalSeconds:0.0} s), {done.GetProperty("documentsCompared").GetInt64()} documents compared, " +
            $"exceptions {done.GetProperty("exceptionsByKind")}; process RSS before {before / 1024} MiB, peak sampled during the run {peakRss / 1024} MiB, " +
            $"peak of the process's life (VmHWM) {Status("VmHWM") / 1024} MiB");
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.Equal(orders / 100, done.GetProperty("exceptionsByKind").GetProperty("OrderWithoutInvoice").GetInt32());
    }

    private async Task SeedAsync(string tenant, int orders, DateTimeOffset now)
    {
        for (var start = 0; start < orders; start += Batch)
        {
            var range = Enumerable.Range(start, Math.Min(Batch, orders - start)).ToList();
            using (var scope = platform.Platform.Services("erp").CreateScope())
            {
                var erp = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
                erp.SalesOrders.AddRange(range.Select(i => new SalesOrderEntity
                {
                    Id = $"so-{tenant}-{i:D7}", Tenant = tenant, Number = $"SO-{tenant}-{i:D7}", CustomerAccountId = "acc-bench", Status = SalesOrderStatus.Open,
                    Currency = "EUR", CreatedAt = now, UpdatedAt = now, CreatedBy = "benchmark", IdempotencyKey = $"{tenant}-{i}", RequestHash = "-",
                    Lines = [new SalesOrderLineEntity { LineNumber = 1, Sku = "SPARE-KIT", Description = "Spare parts kit", Quantity = 1, UnitPrice = 100 + i % 50 }],
                }));
                await erp.SaveChangesAsync();
            }
            using (var scope = platform.Platform.Services("finance").CreateScope())
            {
                var finance = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
                foreach (var i in range.Where(i => i % 100 != 0))
                {
                    var amount = 100m + i % 50;
                    var number = $"INV-{tenant}-{i:D7}";
                    finance.Invoices.Add(new InvoiceEntity
                    {
                        Id = $"inv-{tenant}-{i:D7}", Tenant = tenant, Number = number, AccountId = "acc-bench", SalesOrderId = $"so-{tenant}-{i:D7}",
                        Status = InvoiceStatus.Open, Currency = "EUR", Jurisdiction = "DE", Subtotal = amount, Tax = 0, IssuedAt = now, DueAt = now.AddDays(30),
                        CreatedBy = "benchmark", IdempotencyKey = $"{tenant}-{i}",
                        Lines = [new InvoiceLineEntity { LineNumber = 1, Sku = "SPARE-KIT", Description = "Spare parts kit", Quantity = 1, UnitPrice = amount, NetAmount = amount, TaxCode = "STANDARD" }],
                    });
                    finance.JournalEntries.Add(new JournalEntryEntity
                    {
                        Id = $"je-{tenant}-{i:D7}", Tenant = tenant, Number = $"JE-{tenant}-{i:D7}", PostingDate = DateOnly.FromDateTime(now.UtcDateTime),
                        Description = $"Invoice {number}", Currency = "EUR", PostedAt = now,
                        Lines =
                        [
                            new JournalLineEntity { LineNumber = 1, AccountCode = "1100", Debit = amount },
                            new JournalLineEntity { LineNumber = 2, AccountCode = "4000", Credit = amount },
                        ],
                    });
                }
                await finance.SaveChangesAsync();
            }
        }
    }

    /// <summary>A size in KiB from /proc/self/status (Linux).</summary>
    private static long Status(string field) =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture)).Single();
}
