using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// Events received here go to this process's own workers from memory: the inbox stores them already leased to
/// <see cref="Owner"/>, and a worker takes them from here instead of leasing them from the store (a write and a read of
/// every event saved). They stay in the store's work queue all along: if this process dies before completing one, its
/// lease runs out and any worker, here after a restart or in another instance, takes it from the store.
/// At most <see cref="Capacity"/> events wait here; beyond that (workers behind), new events are stored pending and
/// leased from the store as before, so that none waits in memory long enough for its lease to run out.
/// </summary>
internal sealed class WebhookHandoff(IOptions<WebhookOptions> options)
{
    private readonly ConcurrentQueue<WebhookEventRecord> _events = new();
    private int _reserved;

    /// <summary>This process's workers and the lease owner of the events handed off in memory.</summary>
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>The lease owner of events handed off in memory.</summary>
    public string Owner => Instance + ":inbox";

    /// <summary>How many events may wait here: four batches per worker; none when this instance has no workers.</summary>
    public int Capacity => options.Value.Workers * options.Value.BatchSize * 4;

    /// <summary>Reserves room for <paramref name="count"/> events; <see langword="false"/> when there is not that much.</summary>
    public bool TryReserve(int count)
    {
        while (true)
        {
            var reserved = Volatile.Read(ref _reserved);
            if (reserved + count > Capacity)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _reserved, reserved + count, reserved) == reserved)
            {
                return true;
            }
        }
    }

    /// <summary>Gives back room reserved for events that were not handed off (duplicates, a failed write).</summary>
    public void Release(int count) => Interlocked.Add(ref _reserved, -count);

    /// <summary>Hands a stored, leased event to the workers (into room reserved for it).</summary>
    public void Add(WebhookEventRecord webhookEvent) => _events.Enqueue(webhookEvent);

    /// <summary>Takes up to <paramref name="max"/> events, oldest first.</summary>
    public List<WebhookEventRecord> Take(int max)
    {
        var taken = new List<WebhookEventRecord>();
        while (taken.Count < max && _events.TryDequeue(out var webhookEvent))
        {
            taken.Add(webhookEvent);
        }

        Release(taken.Count);
        return taken;
    }
}
