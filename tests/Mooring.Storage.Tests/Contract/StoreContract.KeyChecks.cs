using Mooring.Connections;
using Mooring.Security;
using Mooring.Storage.Tests.Infrastructure;

namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task KeyVerifier_SameKeyAgain_Passes()
    {
        var key = StoreHarness.NewKey();
        await using var first = await Harness.OpenSameDatabaseAsync(new() { ["k1"] = key });
        await first.Get<KeyVerifier>().VerifyAsync(Ct);
        await using var second = await Harness.OpenSameDatabaseAsync(new() { ["k1"] = key });

        await second.Get<KeyVerifier>().VerifyAsync(Ct);

        (await second.Get<ISecretStore>().GetKeyChecksAsync(Ct)).Keys.ShouldBe(["k1"]);
    }

    [Fact]
    public async Task KeyVerifier_DifferentKeyUnderSameId_RefusesNamingTheKey()
    {
        await using var first = await Harness.OpenSameDatabaseAsync(new() { ["k1"] = StoreHarness.NewKey() });
        await first.Get<KeyVerifier>().VerifyAsync(Ct);
        await using var wrong = await Harness.OpenSameDatabaseAsync(new() { ["k1"] = StoreHarness.NewKey() });

        var error = await Should.ThrowAsync<SecretProtectionException>(() => wrong.Get<KeyVerifier>().VerifyAsync(Ct));

        error.Message.ShouldContain("'k1'");
        error.Message.ShouldContain("Mooring:Encryption:Keys:k1");
    }

    [Fact]
    public async Task KeyVerifier_StoredSecretsUnderUnconfiguredKey_RefusesNamingIt()
    {
        await using var old = await Harness.OpenSameDatabaseAsync(new() { ["old"] = StoreHarness.NewKey() });
        await old.Get<IConnectionVault>().CreateAsync(NewConnection("c-old"), new ConnectionCredentials { AccessToken = "t" }, Ct);
        await using var fresh = await Harness.OpenSameDatabaseAsync(new() { ["new"] = StoreHarness.NewKey() });

        var error = await Should.ThrowAsync<SecretProtectionException>(() => fresh.Get<KeyVerifier>().VerifyAsync(Ct));

        error.Message.ShouldContain("'old'");
        error.Message.ShouldContain("not configured");
    }
}
