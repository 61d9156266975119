using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Data;

/// <summary>
/// A collection of N records that costs memory only for what changed. Record i of the initial N exists
/// implicitly (created at origin - (N - i) * spacing, version 0); a change writes a sparse override and an entry
/// in the change log. The log keeps <c>retention</c> entries; a cursor older than that is "too old"
/// (Calendar's 410, Gmail's 404), which is exactly what forces a client to do a full resync.
/// </summary>
internal sealed class RecordStore(string salt, int seed, long initialCount, DateTimeOffset origin, TimeSpan spacing, long retention)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<long, RecordState> _overrides = [];
    private readonly Dictionary<long, JsonObject> _fields = [];
    private readonly List<Change> _changes = [];
    private long _count = Math.Max(0, initialCount);
    private long _sequence;
    private long _floor;

    /// <summary>Gets or sets a callback told of every change, after the store's lock is released (Stripe derives its events from it).</summary>
    public Action<Change>? Changed { get; set; }

    public string Salt => salt;

    public int Seed => seed;

    public long Sequence
    {
        get
        {
            lock (_sync)
            {
                return _sequence;
            }
        }
    }

    public long Count
    {
        get
        {
            lock (_sync)
            {
                return _count;
            }
        }
    }

    public RecordState? Get(long index)
    {
        lock (_sync)
        {
            return GetUnlocked(index);
        }
    }

    public JsonObject? Fields(long index)
    {
        lock (_sync)
        {
            return _fields.TryGetValue(index, out var f) ? (JsonObject)f.DeepClone() : null;
        }
    }

    public long Create(DateTimeOffset at, JsonObject? fields = null)
    {
        Change change;
        lock (_sync)
        {
            var index = _count++;
            _overrides[index] = new RecordState(index, 0, false, at, at);
            Merge(index, fields);
            change = Log(index, ChangeKind.Created, at);
            _overrides[index] = _overrides[index] with { Sequence = change.Sequence };
        }

        Changed?.Invoke(change);
        return change.Index;
    }

    public bool Update(long index, DateTimeOffset at, JsonObject? fields = null)
    {
        Change change;
        lock (_sync)
        {
            if (GetUnlocked(index) is not { Deleted: false } state)
            {
                return false;
            }

            _overrides[index] = state with { Version = state.Version + 1, UpdatedAt = at };
            Merge(index, fields);
            change = Log(index, ChangeKind.Updated, at);
            _overrides[index] = _overrides[index] with { Sequence = change.Sequence };
        }

        Changed?.Invoke(change);
        return true;
    }

    public bool Delete(long index, DateTimeOffset at)
    {
        Change change;
        lock (_sync)
        {
            if (GetUnlocked(index) is not { Deleted: false } state)
            {
                return false;
            }

            _overrides[index] = state with { Version = state.Version + 1, Deleted = true, UpdatedAt = at };
            change = Log(index, ChangeKind.Deleted, at);
            _overrides[index] = _overrides[index] with { Sequence = change.Sequence };
        }

        Changed?.Invoke(change);
        return true;
    }

    /// <summary>Records in index order (creation order) from <paramref name="from"/>, deleted ones included.</summary>
    public IEnumerable<RecordState> Scan(long from, bool descending)
    {
        var count = Count;
        for (var i = from; descending ? i >= 0 : i < count; i += descending ? -1 : 1)
        {
            if (Get(i) is { } state)
            {
                yield return state;
            }
        }
    }

    /// <summary>Changes after <paramref name="sequence"/>, or <see langword="null"/> when the log no longer reaches back that far.</summary>
    public IReadOnlyList<Change>? ChangesSince(long sequence)
    {
        lock (_sync)
        {
            if (sequence < _floor || sequence > _sequence)
            {
                return null;
            }

            var start = _changes.FindIndex(c => c.Sequence > sequence);
            return start < 0 ? [] : _changes.GetRange(start, _changes.Count - start);
        }
    }

    /// <summary>Forgets the whole change log, so every cursor issued so far is too old.</summary>
    public void ExpireCursors()
    {
        lock (_sync)
        {
            _changes.Clear();
            _floor = _sequence;
        }
    }

    /// <summary>Applies <paramref name="changes"/> changes picked from the seed and the current sequence: half updates, a quarter each creates and deletes.</summary>
    public void Mutate(int changes, DateTimeOffset at)
    {
        for (var k = 0; k < changes; k++)
        {
            var h = SplitMix.Hash(seed, salt + ":mutate", Sequence);
            var count = Count;
            var index = count == 0 ? 0 : (long)(h % (ulong)count);
            var roll = (h >> 40) % 4;
            var done = roll switch
            {
                0 => Create(at) >= 0,
                1 => Delete(index, at),
                _ => Update(index, at),
            };
            if (!done)
            {
                Create(at);
            }
        }
    }

    private RecordState? GetUnlocked(long index)
    {
        if (index < 0 || index >= _count)
        {
            return null;
        }

        if (_overrides.TryGetValue(index, out var state))
        {
            return state;
        }

        var created = origin - ((Math.Max(0, initialCount) - index) * spacing);
        return new RecordState(index, 0, false, created, created);
    }

    private void Merge(long index, JsonObject? fields)
    {
        if (fields is null)
        {
            return;
        }

        var target = _fields.TryGetValue(index, out var existing) ? existing : _fields[index] = [];
        foreach (var (name, value) in fields)
        {
            target[name] = value?.DeepClone();
        }
    }

    private Change Log(long index, ChangeKind kind, DateTimeOffset at)
    {
        var change = new Change(++_sequence, index, kind, at);
        _changes.Add(change);
        if (_changes.Count > retention)
        {
            _floor = _changes[0].Sequence;
            _changes.RemoveAt(0);
        }

        return change;
    }
}
