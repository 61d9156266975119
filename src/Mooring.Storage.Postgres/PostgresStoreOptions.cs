namespace Mooring.Storage.Postgres;

/// <summary>The PostgreSQL store (configuration section <c>Mooring:Storage:Postgres</c>).</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mooring:Storage:Postgres";

    /// <summary>An Npgsql connection string, such as <c>Host=db;Database=mooring;Username=mooring;Password=…</c>.</summary>
    /// <value>The default value is <see langword="null"/>; required when the provider is <c>postgres</c>.</value>
    public string? ConnectionString { get; set; }
}
