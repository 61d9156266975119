namespace Mooring.Storage;

/// <summary>The durable outbox of events forwarded to the host app, and its delivery log.</summary>
public interface IWebhookDeliveryStore
{
    /// <summary>Queues a delivery inside <paramref name="transaction"/> (the event's completion), so that it exists if and only if the event completed.</summary>
    Task EnqueueAsync(StoreTransaction transaction, WebhookDeliveryRecord delivery, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="max"/> due deliveries (pending, failed and due, or with an expired lease); each lease counts as an attempt.</summary>
    Task<IReadOnlyList<WebhookDeliveryRecord>> LeaseAsync(string owner, DateTimeOffset now, TimeSpan leaseDuration, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Logs <paramref name="attempt"/> and, if <paramref name="owner"/> still holds the lease, marks the delivery delivered
    /// (<paramref name="delivered"/>), failed until <paramref name="retryAt"/>, or dead when <paramref name="retryAt"/> is <see langword="null"/>.
    /// </summary>
    Task<bool> RecordAttemptAsync(long id, string owner, WebhookDeliveryAttempt attempt, bool delivered, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>The deliveries of one event, or the newest of all when <paramref name="webhookEventId"/> is <see langword="null"/>.</summary>
    Task<IReadOnlyList<WebhookDeliveryRecord>> ListAsync(long? webhookEventId, int limit, CancellationToken cancellationToken);

    /// <summary>The attempts of one delivery, oldest first.</summary>
    Task<IReadOnlyList<WebhookDeliveryAttempt>> ListAttemptsAsync(long deliveryId, CancellationToken cancellationToken);

    /// <summary>Puts failed or dead deliveries (all, or those with the given ids) back to pending, due at <paramref name="now"/>; returns how many.</summary>
    Task<int> ReplayAsync(IReadOnlyList<long>? ids, DateTimeOffset now, CancellationToken cancellationToken);
}
