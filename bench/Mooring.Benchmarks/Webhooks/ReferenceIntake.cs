using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Mooring.Benchmarks.Webhooks;

/// <summary>
/// <c>POST /reference</c>: the issue's reference design (../shared/MACHINE.md, "SQLite, channel + single batching writer,
/// ack after commit"), written as plainly as it gets, in the same process as Mooring's endpoint, so that a run shows
/// what that design reaches on the machine of the day: the Stripe signature checked, the event id read, the event
/// queued to one writer that inserts whatever is queued in one transaction on one open connection with one prepared
/// statement (WAL, synchronous FULL, a unique event id), and the 200 sent after the commit. No status, no lease, no
/// headers, no workers, no metrics: a floor for the durable path, not a product.
/// </summary>
internal static class ReferenceIntake
{
    private const int MaxBatch = 512;

    public static void Map(WebApplication app, string stripeSecret)
    {
        var writer = new Writer(Path.Combine(Directory.CreateTempSubdirectory("mooring-reference-").FullName, "reference.db"));
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

    private sealed class Writer
    {
        private readonly Channel<(string Id, byte[] Body, TaskCompletionSource Done)> _queue =
            Channel.CreateBounded<(string, byte[], TaskCompletionSource)>(new BoundedChannelOptions(8192) { SingleReader = true });

        public Writer(string path)
        {
            var db = new SqliteConnection($"Data Source={path}");
            db.Open();
            Execute(db, "PRAGMA journal_mode = WAL");
            Execute(db, "PRAGMA synchronous = FULL");
            Execute(db, "CREATE TABLE events (id INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, body BLOB NOT NULL)");
            _ = Task.Run(() => RunAsync(db));
        }

        public async Task WriteAsync(string id, byte[] body, CancellationToken cancellationToken)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await _queue.Writer.WriteAsync((id, body, done), cancellationToken);
            await done.Task;
        }

        public void Complete() => _queue.Writer.TryComplete();

        private async Task RunAsync(SqliteConnection db)
        {
            using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO events (event_id, body) VALUES ($id, $body) ON CONFLICT DO NOTHING";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Blob);
            insert.Prepare();
            var batch = new List<(string Id, byte[] Body, TaskCompletionSource Done)>(MaxBatch);
            while (await _queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                using (var transaction = db.BeginTransaction())
                {
                    insert.Transaction = transaction;
                    foreach (var item in batch)
                    {
                        id.Value = item.Id;
                        body.Value = item.Body;
                        insert.ExecuteNonQuery();
                    }

                    transaction.Commit();
                }

                foreach (var item in batch)
                {
                    item.Done.TrySetResult();
                }

                batch.Clear();
            }

            await db.DisposeAsync();
        }

        private static void Execute(SqliteConnection db, string sql)
        {
            using var command = db.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
