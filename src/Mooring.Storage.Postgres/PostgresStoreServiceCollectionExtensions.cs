using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mooring.Storage.Postgres;
using Mooring.Storage.Relational;

namespace Mooring.Storage;

/// <summary>Registers the PostgreSQL store.</summary>
public static class PostgresStoreServiceCollectionExtensions
{
    /// <summary>
    /// Stores Mooring's state in PostgreSQL, shared by every instance that points at the same database.
    /// <paramref name="configure"/> runs after configuration binding.
    /// </summary>
    public static IServiceCollection AddMooringPostgresStore(this IServiceCollection services, Action<PostgresStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PostgresStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), $"{PostgresStoreOptions.SectionName}:ConnectionString is empty; set it to an Npgsql connection string such as 'Host=localhost;Database=mooring;Username=mooring;Password=...'.");
        options.Validate(o => IsParsable(o.ConnectionString), $"{PostgresStoreOptions.SectionName}:ConnectionString is not a valid connection string (expected 'Key=Value;' pairs such as 'Host=localhost;Database=mooring').");
        return services.AddRelationalStores(sp => new PostgresDialect(sp.GetRequiredService<IOptions<PostgresStoreOptions>>().Value));
    }

    private static bool IsParsable(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return true; // reported by the check above
        }

        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
