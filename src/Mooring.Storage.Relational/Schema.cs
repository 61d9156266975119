namespace Mooring.Storage.Relational;

/// <summary>
/// The schema, as an append-only list of migrations. Never edit a released migration: add the next one.
/// Times are Unix milliseconds (BIGINT) in every dialect, so that comparisons are exact and portable.
/// </summary>
internal static class Schema
{
    public const string VersionTable = "mooring_schema_version";

    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(1, "connections, oauth states, webhook events, request log, sync state and runs, key checks", d => $"""
            CREATE TABLE connections (
                id TEXT NOT NULL PRIMARY KEY,
                provider TEXT NOT NULL,
                end_user_ref TEXT NULL,
                tenant_ref TEXT NULL,
                auth_mode TEXT NOT NULL,
                status TEXT NOT NULL,
                status_message TEXT NULL,
                scopes TEXT NOT NULL,
                expires_at BIGINT NULL,
                metadata TEXT NOT NULL,
                credentials_key_id TEXT NULL,
                credentials {d.BlobType} NULL,
                version BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            );
            CREATE INDEX ix_connections_end_user ON connections (end_user_ref);
            CREATE INDEX ix_connections_tenant ON connections (tenant_ref);
            CREATE INDEX ix_connections_provider ON connections (provider);
            CREATE INDEX ix_connections_key ON connections (credentials_key_id);

            CREATE TABLE oauth_states (
                state_hash TEXT NOT NULL PRIMARY KEY,
                provider TEXT NOT NULL,
                connection_id TEXT NOT NULL,
                end_user_ref TEXT NULL,
                tenant_ref TEXT NULL,
                browser_binding_hash TEXT NOT NULL,
                redirect_uri TEXT NOT NULL,
                scopes TEXT NOT NULL,
                verifier_key_id TEXT NOT NULL,
                verifier {d.BlobType} NOT NULL,
                return_url TEXT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                consumed_at BIGINT NULL
            );
            CREATE INDEX ix_oauth_states_expires ON oauth_states (expires_at);

            CREATE TABLE webhook_events (
                id {d.IdentityColumn},
                provider TEXT NOT NULL,
                event_id TEXT NOT NULL,
                event_type TEXT NULL,
                connection_id TEXT NULL,
                account_ref TEXT NULL,
                received_at BIGINT NOT NULL,
                headers TEXT NOT NULL,
                body {d.BlobType} NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                lease_owner TEXT NULL,
                lease_expires_at BIGINT NULL,
                last_error TEXT NULL,
                completed_at BIGINT NULL,
                CONSTRAINT ux_webhook_events_provider_event UNIQUE (provider, event_id)
            );
            CREATE INDEX ix_webhook_events_due ON webhook_events (next_attempt_at) WHERE status IN ('pending', 'failed');
            CREATE INDEX ix_webhook_events_leased ON webhook_events (lease_expires_at) WHERE status = 'processing';
            CREATE INDEX ix_webhook_events_status ON webhook_events (status, id);

            CREATE TABLE request_log (
                id {d.IdentityColumn},
                at BIGINT NOT NULL,
                provider TEXT NOT NULL,
                connection_id TEXT NULL,
                method TEXT NOT NULL,
                path TEXT NOT NULL,
                status INTEGER NULL,
                duration_ms DOUBLE PRECISION NOT NULL,
                attempt INTEGER NOT NULL,
                error_category TEXT NULL,
                trace_id TEXT NULL
            );
            CREATE INDEX ix_request_log_at ON request_log (at);
            CREATE INDEX ix_request_log_connection ON request_log (connection_id, id);
            CREATE INDEX ix_request_log_provider ON request_log (provider, id);

            CREATE TABLE sync_state (
                connection_id TEXT NOT NULL,
                model TEXT NOT NULL,
                cursor TEXT NULL,
                lease_owner TEXT NULL,
                lease_expires_at BIGINT NULL,
                last_success_at BIGINT NULL,
                paused INTEGER NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (connection_id, model)
            );

            CREATE TABLE sync_runs (
                id {d.IdentityColumn},
                connection_id TEXT NOT NULL,
                model TEXT NOT NULL,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                finished_at BIGINT NULL,
                pages INTEGER NOT NULL,
                added BIGINT NOT NULL,
                updated BIGINT NOT NULL,
                deleted BIGINT NOT NULL,
                error TEXT NULL,
                cursor TEXT NULL
            );
            CREATE INDEX ix_sync_runs_connection ON sync_runs (connection_id, model, id);

            CREATE TABLE mooring_key_checks (
                key_id TEXT NOT NULL PRIMARY KEY,
                check_value {d.BlobType} NOT NULL,
                created_at BIGINT NOT NULL
            );
            """),
        new(2, "webhook deliveries (the forwarding outbox) and their attempts", d => $"""
            CREATE TABLE webhook_deliveries (
                id {d.IdentityColumn},
                webhook_event_id BIGINT NOT NULL,
                target TEXT NOT NULL,
                message_id TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                lease_owner TEXT NULL,
                lease_expires_at BIGINT NULL,
                last_status_code INTEGER NULL,
                last_error TEXT NULL,
                created_at BIGINT NOT NULL,
                delivered_at BIGINT NULL
            );
            CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status IN ('pending', 'failed');
            CREATE INDEX ix_webhook_deliveries_leased ON webhook_deliveries (lease_expires_at) WHERE status = 'delivering';
            CREATE INDEX ix_webhook_deliveries_event ON webhook_deliveries (webhook_event_id);

            CREATE TABLE webhook_delivery_attempts (
                id {d.IdentityColumn},
                delivery_id BIGINT NOT NULL,
                attempt INTEGER NOT NULL,
                at BIGINT NOT NULL,
                status_code INTEGER NULL,
                duration_ms DOUBLE PRECISION NOT NULL,
                error TEXT NULL
            );
            CREATE INDEX ix_webhook_delivery_attempts_delivery ON webhook_delivery_attempts (delivery_id, attempt);
            """),
        new(3, "synced records with their change feed; sync state's change sequence and run requests", d => """
            CREATE TABLE sync_records (
                connection_id TEXT NOT NULL,
                model TEXT NOT NULL,
                remote_id TEXT NOT NULL,
                data TEXT NOT NULL,
                hash TEXT NOT NULL,
                deleted INTEGER NOT NULL,
                first_seen_at BIGINT NOT NULL,
                modified_at BIGINT NULL,
                updated_at BIGINT NOT NULL,
                seen_run BIGINT NOT NULL,
                change_seq BIGINT NOT NULL,
                PRIMARY KEY (connection_id, model, remote_id)
            );
            CREATE UNIQUE INDEX ux_sync_records_changes ON sync_records (connection_id, model, change_seq);

            ALTER TABLE sync_state ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
            ALTER TABLE sync_state ADD COLUMN requested TEXT NULL;
            """),
        new(4, "webhook events indexed by status only where an operator looks (failed, dead): one index less per insert and per status change", _ => """
            DROP INDEX ix_webhook_events_status;
            CREATE INDEX ix_webhook_events_failed ON webhook_events (status, id) WHERE status IN ('failed', 'dead');
            """),
        new(5, "webhook channels: push notification channels (Google) with their token hash, connection and expiry", _ => """
            CREATE TABLE webhook_channels (
                provider TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                token_hash TEXT NULL,
                connection_id TEXT NOT NULL,
                expires_at BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (provider, channel_id)
            );
            CREATE INDEX ix_webhook_channels_connection ON webhook_channels (connection_id);
            CREATE INDEX ix_webhook_channels_expires ON webhook_channels (expires_at);
            """),
        new(6, "request log failures indexed newest first: reading only the errors finds them without walking past every success", _ => """
            CREATE INDEX ix_request_log_errors ON request_log (id) WHERE error_category IS NOT NULL;
            """),
        new(7, "webhook channels that Mooring opened itself (events.watch): the calendar, Google's resource id to stop them, and a flag for renewal", _ => """
            ALTER TABLE webhook_channels ADD COLUMN calendar_id TEXT NULL;
            ALTER TABLE webhook_channels ADD COLUMN resource_id TEXT NULL;
            ALTER TABLE webhook_channels ADD COLUMN managed INTEGER NOT NULL DEFAULT 0;
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;
}
