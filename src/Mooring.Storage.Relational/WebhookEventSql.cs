using System.Data.Common;
using Mooring.Connections;

namespace Mooring.Storage.Relational;

/// <summary>The SQL and bindings of the webhook inbox, shared by the store and dialect batch inserts.</summary>
internal static class WebhookEventSql
{
    public const string Columns =
        "id, provider, event_id, event_type, connection_id, account_ref, received_at, headers, body, status, attempts, next_attempt_at, lease_owner, lease_expires_at, last_error, completed_at";

    public const string InsertColumns =
        "provider, event_id, event_type, connection_id, account_ref, received_at, headers, body, status, attempts, next_attempt_at, lease_owner, lease_expires_at";

    public const string InsertSql =
        $"INSERT INTO webhook_events ({InsertColumns}) VALUES (@provider, @event_id, @event_type, @connection_id, @account_ref, @received_at, @headers, @body, @status, @attempts, @received_at, @lease_owner, @lease_expires_at) ON CONFLICT (provider, event_id) DO NOTHING RETURNING id";

    private static readonly string[] InsertParameters =
        ["@provider", "@event_id", "@event_type", "@connection_id", "@account_ref", "@received_at", "@headers", "@body", "@status", "@attempts", "@lease_owner", "@lease_expires_at"];

    public static DbCommand CreateInsert(DbConnection connection, DbTransaction? transaction)
    {
        var command = connection.Command(InsertSql, transaction);
        foreach (var name in InsertParameters)
        {
            command.With(name, null);
        }

        return command;
    }

    public static void Bind(DbCommand command, WebhookEventRecord e)
    {
        command.Set("@provider", e.Provider.Value);
        command.Set("@event_id", e.EventId);
        command.Set("@event_type", e.EventType);
        command.Set("@connection_id", e.ConnectionId?.Value);
        command.Set("@account_ref", e.AccountRef);
        command.Set("@received_at", Db.ToMs(e.ReceivedAt));
        command.Set("@headers", Db.Json(e.Headers));
        command.Set("@body", e.Body);
        command.Set("@status", EnumText.Of(e.Status));
        command.Set("@attempts", e.Attempts);
        command.Set("@lease_owner", e.LeaseOwner);
        command.Set("@lease_expires_at", Db.ToMs(e.LeaseExpiresAt));
    }

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
