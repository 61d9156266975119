using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Connections;
using Mooring.Security;
using Mooring.Storage.Tests.Infrastructure;

namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    private const string CanaryToken = "xoxb-CANARY-7f3a9c2e51d84b6a";
    private const string CanaryRefresh = "refresh-CANARY-0d9e8c7b6a5f";

    [Fact]
    public async Task Vault_StoredToken_NeverAppearsInTheRawDatabaseBytes()
    {
        var vault = Harness.Get<IConnectionVault>();
        for (var i = 0; i < 20; i++)
        {
            var created = await vault.CreateAsync(NewConnection("scan-" + i), new ConnectionCredentials { AccessToken = CanaryToken + i, RefreshToken = CanaryRefresh }, Ct);
            await vault.UpdateAsync(created, new ConnectionCredentials { AccessToken = CanaryToken + "u" + i, RefreshToken = CanaryRefresh }, created.Version, Ct);
        }

        var loaded = (await vault.GetAsync(ConnectionId.Parse("scan-3"), Ct)).ShouldNotBeNull();
        loaded.Credentials.ShouldNotBeNull().AccessToken.ShouldBe(CanaryToken + "u3");

        var raw = await ReadRawDatabaseBytesAsync();
        raw.Length.ShouldBeGreaterThan(4096);
        foreach (var needle in new[] { "CANARY", CanaryRefresh, CanaryToken, Convert.ToBase64String(Encoding.UTF8.GetBytes(CanaryToken)) })
        {
            raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)).ShouldBe(-1, $"'{needle}' was found in the raw bytes of the {Harness.Description} database");
        }
    }

    [Fact]
    public async Task Vault_CiphertextCopiedToAnotherConnection_FailsWithClearError()
    {
        var vault = Harness.Get<IConnectionVault>();
        var store = Harness.Get<IConnectionStore>();
        await vault.CreateAsync(NewConnection("victim"), new ConnectionCredentials { AccessToken = "secret-a" }, Ct);
        var attacker = await vault.CreateAsync(NewConnection("attacker"), new ConnectionCredentials { AccessToken = "secret-b" }, Ct);
        var stolen = (await store.GetAsync(ConnectionId.Parse("victim"), Ct))!.Credentials;
        await store.UpdateAsync(new StoredConnection(attacker, stolen), attacker.Version, Ct);

        var error = await Should.ThrowAsync<SecretProtectionException>(() => vault.GetAsync(ConnectionId.Parse("attacker"), Ct));

        error.Message.ShouldContain("connection:attacker");
        error.Message.ShouldNotContain("secret-a");
    }

    [Fact]
    public async Task KeyRotation_AfterNewActiveKey_ReencryptsEverythingAndOldKeyCanBeRetired()
    {
        var oldKey = StoreHarness.NewKey();
        var newKey = StoreHarness.NewKey();
        await using var before = await Harness.OpenSameDatabaseAsync(new() { ["old"] = oldKey });
        var vault = before.Get<IConnectionVault>();
        for (var i = 0; i < 250; i++)
        {
            await vault.CreateAsync(NewConnection("rot-" + i), new ConnectionCredentials { AccessToken = "token-" + i }, Ct);
        }

        await using var during = await Harness.OpenSameDatabaseAsync(new() { ["old"] = oldKey, ["new"] = newKey }, activeKey: "new");
        var result = await during.Get<KeyRotator>().RotateAsync(null, Ct);

        result.Reencrypted.ShouldBe(250);
        result.RemainingByKey.ShouldBe(new Dictionary<string, long> { ["new"] = 250 });
        (await during.Get<KeyRotator>().RotateAsync(null, Ct)).Reencrypted.ShouldBe(0, "a second pass finds nothing left");

        await using var after = await Harness.OpenSameDatabaseAsync(new() { ["new"] = newKey });
        var loaded = await after.Get<IConnectionVault>().GetAsync(ConnectionId.Parse("rot-123"), Ct);
        loaded.ShouldNotBeNull().Credentials!.AccessToken.ShouldBe("token-123");
    }

    [Fact]
    public async Task Vault_SecretUnderUnknownKey_NamesTheMissingKey()
    {
        await using var other = await Harness.OpenSameDatabaseAsync(new() { ["retired"] = StoreHarness.NewKey() });
        await other.Get<IConnectionVault>().CreateAsync(NewConnection("orphan"), new ConnectionCredentials { ApiKey = "sk_test_123" }, Ct);

        var error = await Should.ThrowAsync<SecretProtectionException>(() => Harness.Get<IConnectionVault>().GetAsync(ConnectionId.Parse("orphan"), Ct));

        error.Message.ShouldContain("'retired'");
        error.Message.ShouldContain("not configured");
    }

    private Task<byte[]> ReadRawDatabaseBytesAsync() =>
        Harness.SqlitePath is { } path ? Task.FromResult(SqliteFileBytes(path)) : PgDump.DumpAsync(Harness.PostgresConnectionString!);

    private static byte[] SqliteFileBytes(string path)
    {
        using var buffer = new MemoryStream();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (File.Exists(file))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                stream.CopyTo(buffer);
            }
        }

        return buffer.ToArray();
    }
}
