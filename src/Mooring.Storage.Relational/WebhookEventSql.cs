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
        $"INSERT INTO webhook_events ({InsertColumns}) VALUES (@provider, @event_id, @event_type, @connection_id, @account_ref, @received_at, @headers, @body, @status, @attempts, @received_at, @lease_owner, @lease_expires_at) ON CONFLICT (provider, event_id) DO NOTHING";

    private static readonly string[] InsertParameters =
        ["@provider", "@event_id", "@event_type", "@connection_id", "@account_ref", "@received_at", "@headers", "@body", "@status", "@attempts", "@lease_owner", "@lease_expires_at"];

    /// <summary>The single-row insert (<see cref="InsertSql"/>) with its parameters, in the order <see cref="Bind"/> fills them.</summary>
    public static DbCommand CreateInsert(DbConnection connection, DbTransaction? transaction)
    {
        var command = connection.Command(InsertSql, transaction);
        foreach (var name in InsertParameters)
        {
            command.With(name, null);
        }

        return command;
    }

    /// <summary>Sets the parameters of a <see cref="CreateInsert"/> command by position (a lookup by name per value is a list walk).</summary>
    public static void Bind(DbCommand command, WebhookEventRecord e)
    {
        var p = command.Parameters;
        p[0].Value = e.Provider.Value;
        p[1].Value = e.EventId;
        p[2].Value = (object?)e.EventType ?? DBNull.Value;
        p[3].Value = (object?)e.ConnectionId?.Value ?? DBNull.Value;
        p[4].Value = (object?)e.AccountRef ?? DBNull.Value;
        p[5].Value = Db.ToMs(e.ReceivedAt);
        p[6].Value = Db.Json(e.Headers);
        p[7].Value = e.Body;
        p[8].Value = EnumText.Of(e.Status);
        p[9].Value = e.Attempts;
        p[10].Value = (object?)e.LeaseOwner ?? DBNull.Value;
        p[11].Value = (object?)Db.ToMs(e.LeaseExpiresAt) ?? DBNull.Value;
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
