using System.Data.Common;

namespace Mooring.Storage.Relational;

/// <summary>The columns and reading of the forwarding outbox.</summary>
internal static class WebhookDeliverySql
{
    public const string Columns =
        "id, webhook_event_id, target, message_id, status, attempts, next_attempt_at, lease_owner, lease_expires_at, last_status_code, last_error, created_at, delivered_at";

    public static WebhookDeliveryRecord Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        WebhookEventId = r.GetInt64(1),
        Target = r.GetString(2),
        MessageId = r.GetString(3),
        Status = EnumText.Parse<WebhookDeliveryStatus>(r.GetString(4)),
        Attempts = r.GetInt32(5),
        NextAttemptAt = r.Time(6),
        LeaseOwner = r.StringOrNull(7),
        LeaseExpiresAt = r.TimeOrNull(8),
        LastStatusCode = r.IsDBNull(9) ? null : r.GetInt32(9),
        LastError = r.StringOrNull(10),
        CreatedAt = r.Time(11),
        DeliveredAt = r.TimeOrNull(12),
    };
}
