using Mooring.Connections;

namespace Mooring.Storage.Relational.Locks;

/// <summary>
/// A lock per connection id inside one process: a semaphore per id, kept only while someone holds or waits for it.
/// Enough for SQLite, which is single-instance; the PostgreSQL lock takes it first too, so that a process sends one
/// waiter per connection to the database.
/// </summary>
internal sealed class InProcessConnectionLock : IConnectionLock
{
    private readonly Dictionary<ConnectionId, Entry> _entries = [];

    public async ValueTask<IAsyncDisposable> AcquireAsync(ConnectionId id, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(id, out entry!))
            {
                entry = new Entry();
                _entries.Add(id, entry);
            }

            entry.References++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Forget(id, entry);
            throw;
        }

        return new Releaser(this, id, entry);
    }

    private void Forget(ConnectionId id, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.References == 0)
            {
                _entries.Remove(id);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int References { get; set; }
    }

    private sealed class Releaser(InProcessConnectionLock owner, ConnectionId id, Entry entry) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Forget(id, entry);
            }

            return ValueTask.CompletedTask;
        }
    }
}
