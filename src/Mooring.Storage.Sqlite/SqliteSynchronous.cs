namespace Mooring.Storage.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> in WAL mode: how long a commit waits for the disk.</summary>
public enum SqliteSynchronous
{
    /// <summary>Each commit waits until the write-ahead log is synced: a committed write survives power loss.</summary>
    Full,

    /// <summary>
    /// The log is synced at checkpoints only: a committed write survives a crash of the process (the operating system
    /// still has it), but the last ones may be lost on a power loss or an operating system crash.
    /// </summary>
    Normal,
}
