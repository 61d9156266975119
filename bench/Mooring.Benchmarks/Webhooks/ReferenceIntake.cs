using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Mooring.Benchmarks.Webhooks;

/// <summary>
/// <c>POST /reference</c>: the issue's reference design (../shared/MACHINE.md, "SQLite, channel + single batching writer,
/// ack after commit"), written as plainly as it gets, in the same process as Mooring's endpoint, so that a run shows
/// what that design reaches on the machine of the day: the Stripe signature checked, the event id read, the event
/// queued to one writer that inserts whatever is queued in one transaction on one open connection with one prepared
/// statement (WAL, synchronous FULL, a unique event id), and the 200 sent after the commit. No status, no lease, no
/// headers, no workers, no metrics: a floor for the durable path, not a product. When the host runs on PostgreSQL the
/// same design writes to a PostgreSQL database of its own instead: one open connection, each batch one
/// <c>INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING</c> committed on its own (synchronous_commit on).
/// </summary>
internal static class ReferenceIntake
{
    private const int MaxBatch = 512;

    public static void Map(WebApplication app, string stripeSecret, string? postgres)
    {
        Writer writer = postgres is null
            ? new SqliteWriter(Path.Combine(Directory.CreateTempSubdirectory("mooring-reference-").FullName, "reference.db"))
            : new PostgresWriter(postgres);
        var key = Encoding.UTF8.GetBytes(stripeSecret);
        app.Lifetime.ApplicationStopping.Register(writer.Complete);
        app.MapPost("/reference", async (HttpContext http) =>
        {
            var body = new byte[http.Request.ContentLength ?? 0];
            await http.Request.Body.ReadExactlyAsync(body, http.RequestAborted);
            if (!Verified(http.Request.Headers["Stripe-Signature"].ToString(), body, key) || EventId(body) is not { } id)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            await writer.WriteAsync(id, body, http.RequestAborted);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("""{"status":"accepted"}""", http.RequestAborted);
        });
    }

    // Stripe-Signature: t=…,v1=…; HMAC-SHA256 over "{t}.{body}".
    private static bool Verified(string header, byte[] body, byte[] key)
    {
        var comma = header.IndexOf(',', StringComparison.Ordinal);
        var v1 = header.IndexOf("v1=", StringComparison.Ordinal);
        if (!header.StartsWith("t=", StringComparison.Ordinal) || comma < 0 || v1 < 0)
        {
            return false;
        }

        var timestamp = header[2..comma];
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed, timestamp.Length + 1);
        var expected = HMACSHA256.HashData(key, signed);
        var given = header[(v1 + 3)..];
        return given.Length == 64 && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(given));
    }

    private static string? EventId(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("id"u8))
            {
                return reader.Read() ? reader.GetString() : null;
            }
        }

        return null;
    }

    /// <summary>The design's one writer: whatever is queued goes in one flush, and every caller hears back after its commit.</summary>
    private abstract class Writer
    {
        private readonly Channel<(string Id, byte[] Body, TaskCompletionSource Done)> _queue =
            Channel.CreateBounded<(string, byte[], TaskCompletionSource)>(new BoundedChannelOptions(8192) { SingleReader = true });

        public async Task WriteAsync(string id, byte[] body, CancellationToken cancellationToken)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await _queue.Writer.WriteAsync((id, body, done), cancellationToken);
            await done.Task;
        }

        public void Complete() => _queue.Writer.TryComplete();

        protected void Start() => _ = Task.Run(RunAsync);

        /// <summary>Inserts <paramref name="batch"/> and commits it durably.</summary>
        protected abstract Task FlushAsync(List<(string Id, byte[] Body, TaskCompletionSource Done)> batch);

        protected abstract ValueTask CloseAsync();

        private async Task RunAsync()
        {
            var batch = new List<(string Id, byte[] Body, TaskCompletionSource Done)>(MaxBatch);
            while (await _queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await FlushAsync(batch);
                foreach (var item in batch)
                {
                    item.Done.TrySetResult();
                }

                batch.Clear();
            }

            await CloseAsync();
        }
    }

    private sealed class SqliteWriter : Writer
    {
        private readonly SqliteConnection _db;
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter _id;
        private readonly SqliteParameter _body;

        public SqliteWriter(string path)
        {
            _db = new SqliteConnection($"Data Source={path}");
            _db.Open();
            Execute("PRAGMA journal_mode = WAL");
            Execute("PRAGMA synchronous = FULL");
            Execute("CREATE TABLE events (id INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, body BLOB NOT NULL)");
            _insert = _db.CreateCommand();
            _insert.CommandText = "INSERT INTO events (event_id, body) VALUES ($id, $body) ON CONFLICT DO NOTHING";
            _id = _insert.Parameters.Add("$id", SqliteType.Text);
            _body = _insert.Parameters.Add("$body", SqliteType.Blob);
            _insert.Prepare();
            Start();
        }

        protected override Task FlushAsync(List<(string Id, byte[] Body, TaskCompletionSource Done)> batch)
        {
            using var transaction = _db.BeginTransaction();
            _insert.Transaction = transaction;
            foreach (var item in batch)
            {
                _id.Value = item.Id;
                _body.Value = item.Body;
                _insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return Task.CompletedTask;
        }

        protected override async ValueTask CloseAsync()
        {
            await _insert.DisposeAsync();
            await _db.DisposeAsync();
        }

        private void Execute(string sql)
        {
            using var command = _db.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private sealed class PostgresWriter : Writer
    {
        private readonly NpgsqlConnection _db;
        private readonly NpgsqlCommand _insert;
        private readonly NpgsqlParameter<string[]> _ids = new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
        private readonly NpgsqlParameter<byte[][]> _bodies = new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea };

        public PostgresWriter(string connectionString)
        {
            _db = new NpgsqlConnection(connectionString);
            _db.Open();
            using (var create = new NpgsqlCommand("CREATE TABLE events (id bigserial PRIMARY KEY, event_id text NOT NULL UNIQUE, body bytea NOT NULL)", _db))
            {
                create.ExecuteNonQuery();
            }

            _insert = new NpgsqlCommand("INSERT INTO events (event_id, body) SELECT * FROM unnest($1, $2) ON CONFLICT DO NOTHING", _db);
            _insert.Parameters.Add(_ids);
            _insert.Parameters.Add(_bodies);
            Start();
        }

        protected override Task FlushAsync(List<(string Id, byte[] Body, TaskCompletionSource Done)> batch)
        {
            _ids.TypedValue = [.. batch.Select(b => b.Id)];
            _bodies.TypedValue = [.. batch.Select(b => b.Body)];
            return _insert.ExecuteNonQueryAsync(); // one statement: its own transaction, committed with synchronous_commit on
        }

        protected override async ValueTask CloseAsync()
        {
            await _insert.DisposeAsync();
            await _db.DisposeAsync();
        }
    }
}
