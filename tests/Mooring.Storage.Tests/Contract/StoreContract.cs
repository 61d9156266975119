using Mooring.Connections;
using Mooring.Storage.Tests.Infrastructure;

namespace Mooring.Storage.Tests.Contract;

/// <summary>
/// The one contract every store meets, run unchanged against SQLite and PostgreSQL (see the two sealed
/// classes at the bottom). Each test gets a new, migrated database.
/// </summary>
public abstract partial class StoreContract : IAsyncLifetime
{
    private StoreHarness? _harness;

    protected StoreHarness Harness => _harness ?? throw new InvalidOperationException("Not initialised.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected DateTimeOffset Now => Harness.Time.GetUtcNow();

    public async ValueTask InitializeAsync() => _harness = await CreateHarnessAsync();

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task<StoreHarness> CreateHarnessAsync(bool migrate = true);

    protected Task<int> RawExecuteAsync(string sql) => Harness.RawExecuteAsync(sql);

    protected Task<long> RawScalarAsync(string sql) => Harness.RawScalarAsync(sql);

    protected static Connection NewConnection(string id, string provider = "slack", string? endUser = "user-1") => new()
    {
        Id = ConnectionId.Parse(id),
        Provider = ProviderKey.Parse(provider),
        EndUserRef = endUser,
        TenantRef = "tenant-1",
        AuthMode = AuthMode.OAuth2,
        Scopes = ["chat:write", "channels:read"],
        Metadata = new Dictionary<string, string> { ["team_id"] = "T123" },
        ExpiresAt = new DateTimeOffset(2026, 11, 28, 13, 0, 0, TimeSpan.Zero),
    };
}

public sealed class SqliteStoreContract : StoreContract
{
    protected override Task<StoreHarness> CreateHarnessAsync(bool migrate = true) => StoreHarness.SqliteAsync(migrate: migrate);
}

public sealed class PostgresStoreContract : StoreContract
{
    protected override Task<StoreHarness> CreateHarnessAsync(bool migrate = true) => StoreHarness.PostgresAsync(migrate: migrate);
}
