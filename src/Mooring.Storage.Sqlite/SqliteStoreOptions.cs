namespace Mooring.Storage.Sqlite;

/// <summary>The SQLite store (configuration section <c>Mooring:Storage:Sqlite</c>).</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mooring:Storage:Sqlite";

    /// <summary>The database file. Its folder is created if missing.</summary>
    /// <value>The default value is <c>mooring.db</c> under the data directory.</value>
    public string? Path { get; set; }

    /// <summary>How long a writer waits for another writer's lock before failing.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When a commit is on disk. <see cref="SqliteSynchronous.Full"/> waits for the disk at each commit, so that whatever
    /// Mooring acknowledged (a webhook, a token) survives a power loss; <see cref="SqliteSynchronous.Normal"/> survives a
    /// crash of the process but may lose the last commits on a power loss or OS crash, and is much faster on slow disks.
    /// </summary>
    /// <value>The default value is <see cref="SqliteSynchronous.Full"/>.</value>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;
}
