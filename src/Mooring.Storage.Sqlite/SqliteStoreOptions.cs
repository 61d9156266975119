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
}
