using ApiPlatform.Messaging.Configuration;
using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Messaging.Tests.Monitoring;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Messaging:Transport", "kafka", "Transport")]
    [InlineData("Messaging:Consumer:MaxAttempts", "0", "Messaging:Consumer:MaxAttempts")]
    [InlineData("Messaging:Consumer:ReclaimAfter", "00:00:00.100", "Messaging:Consumer:ReclaimAfter")]
    [InlineData("Messaging:Outbox:BatchSize", "0", "Messaging:Outbox:BatchSize")]
    [InlineData("Messaging:Consumer:InboxRetention", "00:10:00", "Messaging:Consumer:InboxRetention")]
    [InlineData("Messaging:Consumer:InboxRetention", "00:59:59", "Messaging:Consumer:InboxRetention")]
    [InlineData("Messaging:Source", "", "Source")]
    public async Task A_bad_setting_stops_the_service_at_start_naming_its_key(string key, string value, string named)
    {
        using var directory = new TempDirectory();
        using var host = ProofHost.Build(
            [TestDatabase.Sqlite(directory.File("s.db")).Settings, TestTransport.Embedded(directory).Settings, new Dictionary<string, string?> { [key] = value }],
            m => m.Publishes<OrderPlaced>());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inbox_that_forgets_before_a_dead_consumers_messages_are_taken_over_is_refused()
    {
        var options = new MessagingOptions { Source = "/crm", EmbeddedConnectionString = "Data Source=m.db" };
        options.Consumer.ReclaimAfter = TimeSpan.FromHours(2);
        options.Consumer.InboxRetention = TimeSpan.FromHours(2);

        var result = new MessagingOptionsValidator().Validate(null, options);

        Assert.Contains("Messaging:Consumer:InboxRetention", result.FailureMessage, StringComparison.Ordinal);
        options.Consumer.InboxRetention = TimeSpan.FromHours(3);
        Assert.True(new MessagingOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Redis_without_a_connection_string_is_refused()
    {
        var result = new MessagingOptionsValidator().Validate(null, new MessagingOptions { Transport = "redis", Source = "/crm" });

        Assert.Contains("Messaging:RedisConnectionString", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_refuses_an_unversioned_wire_name_a_bad_group_and_a_second_handler_for_one_type_and_group()
    {
        using var directory = new TempDirectory();
        var settings = new[] { TestDatabase.Sqlite(directory.File("s.db")).Settings };

        Assert.Throws<ArgumentException>(() => ProofHost.Build(settings, m => m.Publishes<Unversioned>()));
        Assert.Throws<ArgumentException>(() => ProofHost.Build(settings, m => m.Handles<OrderPlaced, RecordEffect>("Not A Group")));
        Assert.Throws<InvalidOperationException>(() => ProofHost.Build(settings, m => m
            .Handles<OrderPlaced, RecordEffect>("billing").Handles<OrderPlaced, RecordEffect>("billing")));
    }

    private sealed record Unversioned(string Id) : IIntegrationEvent
    {
        public static string EventType => "crm.account.changed";

        public string Subject => Id;
    }
}
