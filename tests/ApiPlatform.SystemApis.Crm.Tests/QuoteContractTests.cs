using System.Net;
using System.Text.Json;
using ApiPlatform.SystemApis.Crm.Tests.Infrastructure;

namespace ApiPlatform.SystemApis.Crm.Tests;

/// <summary>
/// Quotes marked to be ordered on approval, and the contract of an approved quote in the embedded CRM: accept wins the
/// opportunity, reopen puts it back; both idempotent. On SQLite and, when a server is given, on PostgreSQL.
/// </summary>
public abstract class QuoteContractTests(SystemApiPlatform platform)
{
    private const string Crm = "/system/crm/v1";

    [SkippableFact]
    public async Task A_quote_marked_to_order_on_approval_carries_the_mark_into_its_approved_event()
    {
        using var client = await ClientAsync();
        var marked = await CreateQuoteAsync(client, null, orderOnApproval: true);
        var plain = await CreateQuoteAsync(client, null, orderOnApproval: null);
        var id = marked.GetProperty("id").GetString()!;

        var approved = await ApproveAsync(client, id);
        await ApproveAsync(client, plain.GetProperty("id").GetString()!);
        var events = await CrmOutbox.EventsForAsync(platform, id);
        var plainEvents = await CrmOutbox.EventsForAsync(platform, plain.GetProperty("id").GetString()!);

        Assert.True(marked.GetProperty("orderOnApproval").GetBoolean());
        Assert.False(plain.GetProperty("orderOnApproval").GetBoolean());
        Assert.True(approved.GetProperty("orderOnApproval").GetBoolean());
        var (type, data) = Assert.Single(events);
        Assert.Equal("crm.quote.approved.v1", type);
        Assert.True(data.GetProperty("orderOnApproval").GetBoolean());
        Assert.False(Assert.Single(plainEvents).Data.GetProperty("orderOnApproval").GetBoolean());
    }

    [SkippableFact]
    public async Task Accepting_wins_the_opportunity_and_reopening_puts_it_back_each_idempotent_and_neither_publishes()
    {
        using var client = await ClientAsync();
        var opportunity = await (await client.PostJsonAsync($"{Crm}/opportunities",
            new { tenant = "acme", accountId = "acc-acme-002", name = "Pump retrofit", stage = "Proposal", amount = new { amount = 9_000m, currency = "EUR" }, closeDate = "2027-06-30" },
            Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
        var opportunityId = opportunity.GetProperty("id").GetString()!;
        var draft = await CreateQuoteAsync(client, opportunityId, orderOnApproval: true);
        var id = draft.GetProperty("id").GetString()!;

        await (await client.PostAsync($"{Crm}/quotes/{id}/accept", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        await (await client.PostAsync($"{Crm}/quotes/{id}/reopen", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        await ApproveAsync(client, id);
        var accepted = await (await client.PostAsync($"{Crm}/quotes/{id}/accept?tenant=acme", null)).AssertJsonAsync(HttpStatusCode.OK);
        var won = await StageAsync(client, opportunityId);
        var acceptedAgain = await (await client.PostAsync($"{Crm}/quotes/{id}/accept?tenant=acme", null)).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostAsync($"{Crm}/quotes/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var reopened = await (await client.PostAsync($"{Crm}/quotes/{id}/reopen?tenant=acme", null)).AssertJsonAsync(HttpStatusCode.OK);
        var back = await StageAsync(client, opportunityId);
        var reopenedAgain = await (await client.PostAsync($"{Crm}/quotes/{id}/reopen?tenant=acme", null)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal("ClosedWon", won);
        Assert.Equal("Accepted", acceptedAgain.GetProperty("status").GetString());
        Assert.Equal("Approved", reopened.GetProperty("status").GetString());
        Assert.Equal("Proposal", back);
        Assert.Equal("Approved", reopenedAgain.GetProperty("status").GetString());
        Assert.Equal("Proposal", await StageAsync(client, opportunityId));
        Assert.Equal(["crm.quote.approved.v1"], (await CrmOutbox.EventsForAsync(platform, id)).Select(e => e.Type));
        var listed = await (await client.GetAsync($"{Crm}/quotes?tenant=acme&status=Approved&accountId=acc-acme-002&limit=200")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(id, listed.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("id").GetString()));
    }

    [SkippableFact]
    public async Task Submitting_approving_and_rejecting_again_answer_the_quote_unchanged_and_publish_nothing_more()
    {
        using var client = await ClientAsync();
        var id = (await CreateQuoteAsync(client, null, orderOnApproval: true)).GetProperty("id").GetString()!;

        // A client that lost the answer sends the call again (a replica died after committing): the same answer.
        await (await client.PostAsync($"{Crm}/quotes/{id}/submit", null)).AssertJsonAsync(HttpStatusCode.OK);
        var submittedAgain = await (await client.PostAsync($"{Crm}/quotes/{id}/submit", null)).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostAsync($"{Crm}/quotes/{id}/approve", null)).AssertJsonAsync(HttpStatusCode.OK);
        var approvedAgain = await (await client.PostAsync($"{Crm}/quotes/{id}/approve", null)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Submitted", submittedAgain.GetProperty("status").GetString());
        Assert.Equal("Approved", approvedAgain.GetProperty("status").GetString());
        // One approval, one event: quote-to-cash orders the quote once.
        Assert.Equal(["crm.quote.approved.v1"], (await CrmOutbox.EventsForAsync(platform, id)).Select(e => e.Type));
        // Going back is still refused.
        await (await client.PostAsync($"{Crm}/quotes/{id}/submit", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");

        var other = (await CreateQuoteAsync(client, null, orderOnApproval: null)).GetProperty("id").GetString()!;
        await (await client.PostAsync($"{Crm}/quotes/{other}/submit", null)).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync($"{Crm}/quotes/{other}/reject", new { reason = "Budget cut" })).AssertJsonAsync(HttpStatusCode.OK);
        var rejectedAgain = await (await client.PostJsonAsync($"{Crm}/quotes/{other}/reject", new { reason = "Budget cut" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Budget cut", rejectedAgain.GetProperty("decisionReason").GetString());
        // Another reason is another decision: refused, the first one stands.
        await (await client.PostJsonAsync($"{Crm}/quotes/{other}/reject", new { reason = "Lost to a rival" })).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [SkippableFact]
    public async Task A_quote_without_an_opportunity_is_accepted_and_an_unknown_one_is_404()
    {
        using var client = await ClientAsync();
        var id = (await CreateQuoteAsync(client, null, orderOnApproval: null)).GetProperty("id").GetString()!;
        await ApproveAsync(client, id);

        var accepted = await (await client.PostAsync($"{Crm}/quotes/{id}/accept", null)).AssertJsonAsync(HttpStatusCode.OK);
        var listed = await (await client.GetAsync($"{Crm}/quotes?tenant=acme&status=Accepted&accountId=acc-acme-002&limit=200")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Contains(id, listed.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("id").GetString()));
        await (await client.PostAsync($"{Crm}/quotes/q-none/accept", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await client.PostAsync($"{Crm}/quotes/q-none/reopen", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private async Task<HttpClient> ClientAsync()
    {
        Skip.IfNot(platform.Available, TestPostgres.SkipReason);
        return await platform.ClientAsync();
    }

    private static async Task<JsonElement> CreateQuoteAsync(HttpClient client, string? opportunityId, bool? orderOnApproval)
    {
        var lines = new[] { new { sku = "IND-PUMP-200", description = "Industrial pump 200", quantity = 2m, unitPrice = new { amount = 2450m, currency = "EUR" }, discountPercent = 0m } };
        object body = orderOnApproval is { } order
            ? new { tenant = "acme", accountId = "acc-acme-002", opportunityId, currency = "EUR", taxRate = 0.19m, lines, orderOnApproval = order }
            : new { tenant = "acme", accountId = "acc-acme-002", opportunityId, currency = "EUR", taxRate = 0.19m, lines };
        return await (await client.PostJsonAsync($"{Crm}/quotes", body, Guid.NewGuid().ToString("N"))).AssertJsonAsync(HttpStatusCode.Created);
    }

    private static async Task<JsonElement> ApproveAsync(HttpClient client, string id)
    {
        await (await client.PostAsync($"{Crm}/quotes/{id}/submit", null)).AssertJsonAsync(HttpStatusCode.OK);
        return await (await client.PostAsync($"{Crm}/quotes/{id}/approve", null)).AssertJsonAsync(HttpStatusCode.OK);
    }

    private static async Task<string?> StageAsync(HttpClient client, string opportunityId) =>
        (await (await client.GetAsync($"{Crm}/opportunities/{opportunityId}")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("stage").GetString();
}

[Collection(CrmCollection.Name)]
public sealed class QuoteContractOnSqliteTests(CrmPlatform platform) : QuoteContractTests(platform);

[Collection(CrmPostgresCollection.Name)]
public sealed class QuoteContractOnPostgresTests(PostgresPlatform platform) : QuoteContractTests(platform);
