using Mooring.Storage.Tests.Infrastructure;

namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Migrate_Twice_AppliesNothingTheSecondTime()
    {
        var migrator = Harness.Get<IStoreMigrator>();

        var again = await migrator.MigrateAsync(Ct);

        again.ShouldBeEmpty();
        (await migrator.GetVersionAsync(Ct)).ShouldBe(migrator.LatestVersion);
    }

    [Fact]
    public async Task Migrate_SchemaFromNewerMooring_RefusesWithClearMessageAndChangesNothing()
    {
        var migrator = Harness.Get<IStoreMigrator>();
        await Harness.Get<IConnectionStore>().InsertAsync(new StoredConnection(NewConnection("keep-me"), null), Ct);
        await RawExecuteAsync($"INSERT INTO mooring_schema_version (version, description, applied_at) VALUES ({migrator.LatestVersion + 1}, 'from the future', 0)");

        var error = await Should.ThrowAsync<StoreException>(() => migrator.MigrateAsync(Ct));

        error.Message.ShouldContain("newer Mooring");
        error.Message.ShouldContain($"version {migrator.LatestVersion + 1}");
        (await Harness.Get<IConnectionStore>().GetAsync(Connections.ConnectionId.Parse("keep-me"), Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Migrate_ConcurrentInstancesOnEmptyDatabase_ApplyEachVersionOnce()
    {
        await using var first = await CreateHarnessAsync(migrate: false);
        var instances = new List<StoreHarness> { first };
        for (var i = 0; i < 3; i++)
        {
            instances.Add(await first.OpenSameDatabaseAsync());
        }

        try
        {
            var results = await Task.WhenAll(instances.Select(h => h.Get<IStoreMigrator>().MigrateAsync(Ct)));

            var latest = first.Get<IStoreMigrator>().LatestVersion;
            results.SelectMany(r => r).OrderBy(v => v).ShouldBe(Enumerable.Range(1, latest));
            (await first.RawScalarAsync("SELECT COUNT(*) FROM mooring_schema_version")).ShouldBe(latest);
        }
        finally
        {
            foreach (var other in instances.Skip(1))
            {
                await other.Services.DisposeAsync();
            }
        }
    }
}
