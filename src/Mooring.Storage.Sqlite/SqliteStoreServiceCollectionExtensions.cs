using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mooring.Storage.Relational;
using Mooring.Storage.Sqlite;

namespace Mooring.Storage;

/// <summary>Registers the SQLite store.</summary>
public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>
    /// Stores Mooring's state in a SQLite file (WAL mode). Configure it through <see cref="SqliteStoreOptions"/>;
    /// <paramref name="configure"/> runs after configuration binding.
    /// </summary>
    public static IServiceCollection AddMooringSqliteStore(this IServiceCollection services, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SqliteStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => !string.IsNullOrWhiteSpace(o.Path), $"{SqliteStoreOptions.SectionName}:Path is empty; set it to the database file, or set Mooring:DataDirectory.");
        options.Validate(o => o.BusyTimeout > TimeSpan.Zero, $"{SqliteStoreOptions.SectionName}:BusyTimeout must be positive (for example 00:00:30).");
        return services.AddRelationalStores(sp => new SqliteDialect(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value));
    }
}
