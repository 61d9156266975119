using System.Data.Common;
using Mooring.Connections;

namespace Mooring.Storage.Relational;

/// <summary>The columns of the webhook inbox and how a row reads, shared by the store and the dialects' batch inserts.</summary>
internal static class WebhookEventSql
{
    public const string Columns =
        "id, provider, event_id, event_type, connection_id, account_ref, received_at, headers, body, status, attempts, next_attempt_at, lease_owner, lease_expires_at, last_error, completed_at";

    public const string InsertColumns =
        "provider, event_id, event_type, connection_id, account_ref, received_at, headers, body, status, attempts, next_attempt_at, lease_owner, lease_expires_at";

    public static WebhookEventRecord Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Provider = ProviderKey.Parse(r.GetString(1)),
        EventId = r.GetString(2),
        EventType = r.StringOrNull(3),
        ConnectionId = r.StringOrNull(4) is { } id ? ConnectionId.Parse(id) : null,
        AccountRef = r.StringOrNull(5),
        ReceivedAt = r.Time(6),
        Headers = Db.FromJson<Dictionary<string, string>>(r.GetString(7)),
        Body = (byte[])r.GetValue(8),
        Status = EnumText.Parse<WebhookEventStatus>(r.GetString(9)),
        Attempts = r.GetInt32(10),
        NextAttemptAt = r.Time(11),
        LeaseOwner = r.StringOrNull(12),
        LeaseExpiresAt = r.TimeOrNull(13),
        LastError = r.StringOrNull(14),
        CompletedAt = r.TimeOrNull(15),
    };
}
