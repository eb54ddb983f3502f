using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.Messaging.Configuration;

namespace ApiPlatform.ProcessApis.Reconciliation.Events;

/// <summary>The events reconciliation publishes through its outbox (topic <c>reconciliation</c>).</summary>
public static class ReconciliationMessaging
{
    public static MessagingBuilder PublishesReconciliationEvents(this MessagingBuilder m) => m
        .Publishes<ReconciliationRunCompleted>()
        .Publishes<ReconciliationExceptionOpened>()
        .Publishes<ReconciliationExceptionResolved>()
        .Publishes<ReconciliationExceptionCleared>()
        .Publishes<ReconciliationMessagingHealthSampled>();
}
