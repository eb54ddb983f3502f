using System.Diagnostics;
using System.Globalization;
using ApiPlatform.ScaleOut;
using Npgsql;

// The scale-out proof on one machine (issue 16): every service as its own process, two replicas of the gateway, crm and
// every process API behind HAProxy, real redis-server and PostgreSQL, load from wrk. Run through tests/scale-out/run.sh.
var redis = Required("APIPLATFORM_SCALEOUT_REDIS");
var postgres = Required("APIPLATFORM_SCALEOUT_POSTGRES");
var repository = Required("APIPLATFORM_SCALEOUT_REPOSITORY");
var work = Required("APIPLATFORM_SCALEOUT_WORK");
var orders = int.Parse(Environment.GetEnvironmentVariable("APIPLATFORM_SCALEOUT_ORDERS") ?? "60", CultureInfo.InvariantCulture);
var failures = new List<string>();
// The load beside the writes: enough to keep two cores busy, not so much that a starting replica waits minutes for CPU.
const int Connections = 4;
const int Writers = 2;
var clock = Stopwatch.StartNew();

Console.WriteLine("== starting the platform: each database migrated by a migrate-only run, then the replicas (none migrates)");
Platform platform;
try
{
    platform = await Platform.StartAsync(repository, work, redis, postgres, "Release");
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or FileNotFoundException)
{
    Console.WriteLine($"   the platform did not start: {e.Message}");
    return 1;
}
await using var running = platform;
var acme = await Client.TokenAsync(platform.PublicUrl, "partner-acme", platform.Secret("partner-acme"));
using var sales = new Client(platform.PublicUrl, "sales-app", platform.Secret("sales-app"));
using var integration = new Client(platform.PublicUrl, "integration-app", platform.Secret("integration-app"));
// The background load's token: a fresh one per phase (wrk cannot renew one; every phase is shorter than its lifetime).
async Task<string> LoadTokenAsync() => await Client.TokenAsync(platform.PublicUrl, "sales-app", platform.Secret("sales-app"));
var mix = Path.Combine(work, "read-mix.lua");
File.WriteAllText(mix, """
    -- The background load: reads of crm (two replicas), quote-to-cash (two) and analytics, through both gateways.
    local paths = {
      "/system/crm/v1/accounts?tenant=acme&limit=5",
      "/process/quote-to-cash/v1/order-requests?limit=5",
      "/system/crm/v1/quotes?tenant=acme&limit=5",
      "/experience/analytics/v1/kpis",
    }
    local i = 0
    request = function()
      i = i % #paths + 1
      return wrk.format("GET", paths[i])
    end
    """);

// 1. One plan, two gateways: the partner's limit holds across both (the buckets live in Redis).
Console.WriteLine("== 1. rate limit across two gateways: partner-acme (partner-standard: 600 per 60 s, burst 100) at full speed for 20 s");
var limited = await Wrk.RunAsync(new Uri(platform.PublicUrl, "/experience/partner-portal/v1/quotes?limit=1"), acme, TimeSpan.FromSeconds(20), 16);
var allowedAtMost = 100 + 600 / 60.0 * 20;
Console.WriteLine($"   {limited}");
Console.WriteLine($"   answered 2xx: {limited.Succeeded}; one plan allows at most {allowedAtMost:0} in 20 s (burst + rate x time); two gateways limiting alone would allow {2 * allowedAtMost:0}");
Check(limited.Succeeded <= allowedAtMost * 1.05, $"the plan's limit did not hold across the gateways: {limited.Succeeded} > {allowedAtMost:0}");
Check(limited.Succeeded >= allowedAtMost * 0.8, $"far fewer answers than the plan allows ({limited.Succeeded}): the limit is not what the plan says");

// 2. Kill one replica of each kind under load.
Console.WriteLine($"== 2. kill -9 one replica of each kind (gateway, crm, quote-to-cash, procure-to-pay, reconciliation) under load, {orders} orders placed meanwhile");
var killed = new Orders(sales);
using (var stopLoad = new CancellationTokenSource())
{
    var load = Wrk.RunAsync(new Uri(platform.PublicUrl, "/"), await LoadTokenAsync(), TimeSpan.FromMinutes(12), Connections, mix, stopLoad.Token);
    var writes = killed.RunAsync(Writers, orders, TimeSpan.Zero, CancellationToken.None);
    await Task.Delay(TimeSpan.FromSeconds(8));
    var victims = platform.Replicas.Where(r => r.Index == 2 && r.IsRunning).ToList();
    foreach (var victim in victims)
    {
        victim.Kill();
    }
    Console.WriteLine($"   killed {string.Join(", ", victims.Select(v => v.Name))} at {clock.Elapsed.TotalSeconds:0} s");
    await Task.Delay(TimeSpan.FromSeconds(10));
    await Task.WhenAll(victims.Select(platform.RestartAsync));
    await Task.Delay(HaProxy.SeesChange);
    Console.WriteLine($"   started them again (ready) at {clock.Elapsed.TotalSeconds:0} s");
    await writes;
    stopLoad.Cancel();
    var reads = await load;
    Console.WriteLine($"   background reads: {reads}");
}
await VerifyAsync("kill", killed, expectNoUnsuccessful: false, approvals: killed.Approvals);

// 3. Rolling restart of every service, one replica at a time, under load: no request may fail.
Console.WriteLine("== 3. rolling restart of every service, one replica at a time, under load");
var rolling = new Orders(sales);
using (var stopLoad = new CancellationTokenSource())
using (var stopWrites = new CancellationTokenSource())
{
    var load = Wrk.RunAsync(new Uri(platform.PublicUrl, "/"), await LoadTokenAsync(), TimeSpan.FromMinutes(12), Connections, mix, stopLoad.Token);
    // Paced: a steady stream of orders the process tier keeps up with while its replicas restart.
    var writes = rolling.RunAsync(Writers, int.MaxValue, TimeSpan.FromSeconds(3), stopWrites.Token);
    var unsuccessfulBefore = sales.Unsuccessful;
    sales.UnsuccessfulAnswers.Clear();
    foreach (var kind in platform.Replicas.Where(r => r.IsRunning).GroupBy(r => r.Service).OrderBy(g => RestartOrder(g.Key)).ToList())
    {
        foreach (var old in kind.ToList())
        {
            (TimeSpan? NotReady, TimeSpan Exited) stopped;
            var starting = Stopwatch.StartNew();
            TimeSpan ready;
            if (kind.Count() == 1)
            {
                // One replica: its successor first, on the service's free slot (maxSurge 1); HAProxy sees it up, then the
                // old one stops: on SIGTERM it says it is not ready, HAProxy stops sending to it, it finishes and exits.
                await platform.StartReplicaAsync(old);
                ready = starting.Elapsed;
                await Task.Delay(HaProxy.SeesChange);
                stopped = await old.TerminateAsync(Platform.Prober, TimeSpan.FromSeconds(40));
            }
            else
            {
                // The other replica carries the load while this one stops (SIGTERM: not ready, drained, exits) and starts.
                stopped = await old.TerminateAsync(Platform.Prober, TimeSpan.FromSeconds(40));
                starting.Restart();
                await platform.RestartAsync(old);
                ready = starting.Elapsed;
                await Task.Delay(HaProxy.SeesChange);
            }
            Console.WriteLine($"   {old.Name} restarted at {clock.Elapsed.TotalSeconds:0} s (its successor ready in {ready.TotalSeconds:0.0} s): after SIGTERM not ready at " +
                $"{(stopped.NotReady is { } n ? $"{n.TotalMilliseconds:0} ms" : "(not seen)")} while still serving, exited at {stopped.Exited.TotalSeconds:0.0} s");
            Check(stopped.NotReady is not null, $"{old.Name}: readiness was not seen failing before the listener stopped");
        }
    }
    await Task.Delay(TimeSpan.FromSeconds(3));
    stopWrites.Cancel();
    await writes;
    stopLoad.Cancel();
    var reads = await load;
    Console.WriteLine($"   background reads: {reads}");
    Check(reads.Non2xx == 0 && reads.SocketErrors == 0, $"reads failed during the rolling restart: {reads.Non2xx} non-2xx, {reads.SocketErrors} socket errors");
    var unsuccessful = sales.Unsuccessful - unsuccessfulBefore;
    Console.WriteLine($"   writes: {rolling.Approvals} quotes approved, {rolling.Accepted.Count} ordered by the API, {unsuccessful} answers that were not a success");
    Check(unsuccessful == 0, $"{unsuccessful} write answers were not a success during the rolling restart");
    foreach (var answer in sales.UnsuccessfulAnswers)
    {
        Console.WriteLine($"   not a success: {answer}");
    }
}
await VerifyAsync("rolling restart", rolling, expectNoUnsuccessful: true, approvals: killed.Approvals + rolling.Approvals);

Console.WriteLine($"== done in {clock.Elapsed.TotalSeconds:0} s: {(failures.Count == 0 ? "every check held" : $"{failures.Count} check(s) failed")}");
failures.ForEach(f => Console.WriteLine($"   FAILED: {f}"));
return failures.Count == 0 ? 0 : 1;

async Task VerifyAsync(string phase, Orders batch, bool expectNoUnsuccessful, long approvals)
{
    var byQuote = await batch.WaitForEndAsync(TimeSpan.FromMinutes(6));
    var requests = byQuote.Values.SelectMany(o => o).ToList();
    var completed = requests.Count(o => o.GetProperty("status").GetString() == "Completed");
    var missingQuotes = 0;
    foreach (var quote in batch.Quotes.Keys)
    {
        try
        {
            await sales.GetAsync($"/system/crm/v1/quotes/{quote}?tenant=acme");
        }
        catch (InvalidOperationException)
        {
            missingQuotes++;
        }
    }
    var accepted = requests.Select(o => o.GetProperty("id").GetString()).ToHashSet();
    var lostOrders = batch.Accepted.Values.Count(id => !accepted.Contains(id));
    var withoutOrder = batch.Quotes.Keys.Count(q => !byQuote.ContainsKey(q));
    var twiceOrdered = byQuote.Values.Count(o => o.Count > 1);
    var retriedSteps = requests.Sum(o => o.GetProperty("steps").EnumerateArray().Sum(s => Math.Max(s.GetProperty("attempts").GetInt32() - 1, 0)));

    var salesOrders = (await integration.AllAsync("/system/erp/v1/sales-orders?tenant=acme&customerAccountId=acc-acme-001"))
        .Where(o => batch.Quotes.ContainsKey(o.GetProperty("quoteId").GetString() ?? "")).ToList();
    var duplicateSalesOrders = salesOrders.GroupBy(o => o.GetProperty("quoteId").GetString()).Sum(g => g.Count() - 1);
    var salesOrderIds = salesOrders.Select(o => o.GetProperty("id").GetString()).ToHashSet();
    var invoices = (await integration.AllAsync("/system/finance/v1/invoices?tenant=acme&accountId=acc-acme-001"))
        .Where(i => salesOrderIds.Contains(i.GetProperty("salesOrderId").GetString())).ToList();
    var duplicateInvoices = invoices.GroupBy(i => i.GetProperty("salesOrderId").GetString()).Sum(g => g.Count() - 1);

    // Every approval event is applied once by quote-to-cash's consumer group, whichever replica read it: as many inbox
    // records (each written in the transaction of its effect) as approvals crm made in all phases so far, none missing.
    var applied = await ApprovedEventsAppliedAsync(approvals, TimeSpan.FromSeconds(60));

    Console.WriteLine($"   [{phase}] {batch.Quotes.Count} quotes written ({batch.Quotes.Values.Count(e => e)} ordered by crm's approval event), " +
        $"{batch.Failed.Count} writes failed after retries, {sales.Retried} retried answers so far");
    Console.WriteLine($"   [{phase}] lost writes: {missingQuotes} quotes, {lostOrders} accepted orders; quotes without an order request: {withoutOrder}");
    Console.WriteLine($"   [{phase}] order requests: {requests.Count}, completed {completed}, step attempts beyond the first {retriedSteps}");
    Console.WriteLine($"   [{phase}] documents: {salesOrders.Count} sales orders ({duplicateSalesOrders} duplicated), {invoices.Count} invoices ({duplicateInvoices} duplicated), {twiceOrdered} quotes ordered twice");
    Console.WriteLine($"   [{phase}] crm.quote.approved.v1 applied by quote-to-cash's consumer group: {applied} events for {approvals} approvals so far");
    batch.Failed.Take(5).ToList().ForEach(f => Console.WriteLine($"   [{phase}] failed write: {f}"));
    foreach (var (order, step) in requests.SelectMany(o => o.GetProperty("steps").EnumerateArray().Select(s => (o, s)))
                 .Where(x => x.s.GetProperty("attempts").GetInt32() > 1).Take(5))
    {
        Console.WriteLine($"   [{phase}] step run again: {order.GetProperty("id")} {step.GetProperty("name")} x{step.GetProperty("attempts")}: " +
            $"{(step.TryGetProperty("lastError", out var error) ? error.ToString() : "")}");
    }

    Check(batch.Failed.IsEmpty, $"{phase}: {batch.Failed.Count} writes failed");
    Check(missingQuotes == 0 && lostOrders == 0 && withoutOrder == 0, $"{phase}: lost writes");
    Check(completed == batch.Quotes.Count && requests.Count == batch.Quotes.Count, $"{phase}: {completed} of {batch.Quotes.Count} orders completed");
    Check(duplicateSalesOrders == 0 && duplicateInvoices == 0 && twiceOrdered == 0, $"{phase}: duplicated documents");
    Check(salesOrders.Count == batch.Quotes.Count && invoices.Count == batch.Quotes.Count, $"{phase}: not one sales order and invoice per order");
    Check(applied == approvals, $"{phase}: {applied} approval events applied for {approvals} approvals");
    if (expectNoUnsuccessful)
    {
        Check(retriedSteps == 0, $"{phase}: {retriedSteps} workflow steps ran more than once");
    }
}

async Task<long> ApprovedEventsAppliedAsync(long expected, TimeSpan timeout)
{
    var until = DateTime.UtcNow + timeout;
    while (true)
    {
        await using var connection = platform.Database("quote-to-cash");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM messaging_inbox WHERE \"Type\" = 'crm.quote.approved.v1'", connection);
        var applied = (long)(await command.ExecuteScalarAsync())!;
        if (applied >= expected || DateTime.UtcNow > until)
        {
            return applied;
        }
        await Task.Delay(1000);
    }
}

void Check(bool holds, string failure)
{
    if (!holds)
    {
        failures.Add(failure);
    }
}

static int RestartOrder(string service) => service switch
{
    "crm" or "erp" or "finance" => 0,
    "quote-to-cash" or "procure-to-pay" or "reconciliation" => 1,
    "partner-portal" or "analytics" => 2,
    "identity" => 3,
    _ => 4,
};

static string Required(string name) =>
    Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set: run tests/scale-out/run.sh");
