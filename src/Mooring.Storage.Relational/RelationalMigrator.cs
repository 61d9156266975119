using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace Mooring.Storage.Relational;

internal sealed partial class RelationalMigrator(StoreDialect dialect, TimeProvider time, ILogger<RelationalMigrator> logger) : IStoreMigrator
{
    private readonly IReadOnlyList<Migration> _migrations = Schema.Migrations;

    public int LatestVersion => Schema.LatestVersion;

    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await dialect.PrepareDatabaseAsync(connection, cancellationToken).ConfigureAwait(false);
            await EnsureVersionTableAsync(connection, cancellationToken).ConfigureAwait(false);
            var applied = new List<int>();
            foreach (var migration in _migrations)
            {
                if (await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(migration.Version);
                }
            }

            // A newer Mooring may have written the schema; refuse before anything touches the data.
            var current = await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
            ThrowIfNewer(current);
            return applied;
        }
        catch (DbException ex)
        {
            throw new StoreException($"Could not prepare the schema of {dialect.Description}: {ex.Message}", ex);
        }
    }

    public async Task<int> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            return 0;
        }
    }

    private async Task<bool> ApplyAsync(DbConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await dialect.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        ThrowIfNewer(current);
        if (current >= migration.Version)
        {
            return false;
        }

        await using (var command = connection.Command(migration.Sql(dialect), transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var record = connection.Command($"INSERT INTO {Schema.VersionTable} (version, description, applied_at) VALUES (@v, @d, @t)", transaction))
        {
            record.With("@v", migration.Version).With("@d", migration.Description).With("@t", Db.ToMs(time.GetUtcNow()));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Log.Applied(logger, migration.Version, migration.Description, dialect.Description);
        return true;
    }

    private void ThrowIfNewer(int current)
    {
        if (current > LatestVersion)
        {
            throw new StoreException(
                $"{dialect.Description} has schema version {current}, written by a newer Mooring; this one knows versions up to {LatestVersion}. Upgrade Mooring, or point it at another database. Nothing was changed.");
        }
    }

    private async Task EnsureVersionTableAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Under the migration lock: two instances starting at once must not race to create it.
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await dialect.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"CREATE TABLE IF NOT EXISTS {Schema.VersionTable} (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)",
            transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ReadVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT COALESCE(MAX(version), 0) FROM {Schema.VersionTable}", transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Applied schema migration {Version} ({Description}) to {Store}")]
        public static partial void Applied(ILogger logger, int version, string description, string store);
    }
}
