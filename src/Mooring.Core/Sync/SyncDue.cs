using System.Collections.Concurrent;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.Sync;

/// <summary>
/// Decides whether a model's sync for a connection should run now, and which kind: a pending request; a first full
/// sync; an interrupted pass to resume; the next occurrence of the full or incremental cron after the last such run,
/// plus a jitter fixed per connection and model; never while a failed run is backing off or the sync is paused.
/// </summary>
internal sealed class SyncDue(ISyncStore store, TimeProvider time, IOptions<SyncOptions> options)
{
    private readonly ConcurrentDictionary<(string Connection, string Model), DateTimeOffset> _nextCheck = new();
    private readonly ConcurrentDictionary<(string Connection, string Model), (int Failures, DateTimeOffset NotBefore)> _backoff = new();

    public async Task<SyncRunRequest?> DecideAsync(ConnectionId connectionId, SyncModel model, SyncStateRecord? state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = (connectionId.Value, model.Name);
        if (state?.Requested is { } requested && (requested.Kind != SyncRunKind.Webhook || !state.Paused))
        {
            return requested;
        }

        if (state is { Paused: true } || (_backoff.TryGetValue(key, out var backoff) && backoff.NotBefore > now))
        {
            return null;
        }

        var checkpoint = SyncCheckpoint.Parse(state?.Cursor);
        if (checkpoint is null || checkpoint.InFullPass || checkpoint.Page is not null)
        {
            return new SyncRunRequest(SyncRunKind.Incremental); // the runner starts or resumes whatever pass is needed
        }

        if (_nextCheck.TryGetValue(key, out var next) && next > now)
        {
            return null;
        }

        var lastFull = await store.GetLatestRunAsync(connectionId, model.Name, SyncRunKind.Full, cancellationToken).ConfigureAwait(false);
        var lastAny = (await store.ListRunsAsync(connectionId, model.Name, 1, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        var nextFull = Next(model.Full, lastFull?.StartedAt, key, "full");
        var nextIncremental = Next(model.Incremental, lastAny?.StartedAt, key, "incremental");
        if (nextFull <= now)
        {
            return new SyncRunRequest(SyncRunKind.Full);
        }

        if (nextIncremental <= now)
        {
            return new SyncRunRequest(SyncRunKind.Incremental);
        }

        _nextCheck[key] = nextFull < nextIncremental ? nextFull : nextIncremental;
        return null;
    }

    /// <summary>Records how a run ended: a failure backs off exponentially, a success clears it; either way the schedule is read again.</summary>
    public void Ran(ConnectionId connectionId, SyncModel model, SyncRunRecord? run)
    {
        var key = (connectionId.Value, model.Name);
        _nextCheck.TryRemove(key, out _);
        if (run is null || run.Status != SyncRunStatus.Failed)
        {
            _backoff.TryRemove(key, out _);
            return;
        }

        var failures = (_backoff.TryGetValue(key, out var b) ? b.Failures : 0) + 1;
        var delay = TimeSpan.FromTicks(Math.Min(options.Value.MaxRetryDelay.Ticks, options.Value.RetryDelay.Ticks * (1L << Math.Min(failures - 1, 20))));
        _backoff[key] = (failures, time.GetUtcNow() + delay);
    }

    private DateTimeOffset Next(Cronos.CronExpression cron, DateTimeOffset? last, (string Connection, string Model) key, string kind)
    {
        if (last is null)
        {
            return DateTimeOffset.MinValue;
        }

        var occurrence = cron.GetNextOccurrence(last.Value, TimeZoneInfo.Utc) ?? DateTimeOffset.MaxValue;
        return occurrence == DateTimeOffset.MaxValue ? occurrence : occurrence + Jitter(key, kind);
    }

    private TimeSpan Jitter((string Connection, string Model) key, string kind)
    {
        var hash = BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{key.Connection}/{key.Model}/{kind}")));
        return TimeSpan.FromTicks((long)(hash % (ulong)Math.Max(1, options.Value.ScheduleJitter.Ticks)));
    }
}
