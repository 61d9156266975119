using Mooring.Connections;
using Mooring.Security;

namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    private OAuthStateRecord NewState(string hash, TimeSpan lifetime) => new()
    {
        StateHash = hash,
        Provider = ProviderKey.Parse("google"),
        ConnectionId = ConnectionId.Parse("c-1"),
        EndUserRef = "u1",
        BrowserBindingHash = "b1",
        RedirectUri = "http://127.0.0.1:5080/oauth/callback",
        Scopes = ["openid", "email"],
        CodeVerifier = new ProtectedSecret("k1", [7, 7, 7]),
        ReturnUrl = "/done",
        CreatedAt = Now,
        ExpiresAt = Now + lifetime,
    };

    [Fact]
    public async Task OAuthState_Consume_ReturnsItOnceThenNever()
    {
        var store = Harness.Get<IOAuthStateStore>();
        await store.SaveAsync(NewState("h1", TimeSpan.FromMinutes(10)), Ct);

        var first = await store.ConsumeAsync("h1", Now, Ct);
        var second = await store.ConsumeAsync("h1", Now, Ct);

        first.ShouldNotBeNull().Scopes.ShouldBe(["openid", "email"]);
        first.CodeVerifier.Ciphertext.ShouldBe(new byte[] { 7, 7, 7 });
        first.RedirectUri.ShouldBe("http://127.0.0.1:5080/oauth/callback");
        second.ShouldBeNull();
    }

    [Fact]
    public async Task OAuthState_ConsumeAfterExpiry_ReturnsNull()
    {
        var store = Harness.Get<IOAuthStateStore>();
        await store.SaveAsync(NewState("h2", TimeSpan.FromMinutes(10)), Ct);

        (await store.ConsumeAsync("h2", Now + TimeSpan.FromMinutes(10), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task OAuthState_ConcurrentConsumes_ExactlyOneSucceeds()
    {
        var store = Harness.Get<IOAuthStateStore>();
        await store.SaveAsync(NewState("h3", TimeSpan.FromMinutes(10)), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => store.ConsumeAsync("h3", Now, Ct)));

        results.Count(r => r is not null).ShouldBe(1);
    }

    [Fact]
    public async Task OAuthState_Purge_DeletesExpiredAndUsedOnly()
    {
        var store = Harness.Get<IOAuthStateStore>();
        await store.SaveAsync(NewState("old", TimeSpan.FromMinutes(1)), Ct);
        await store.SaveAsync(NewState("used", TimeSpan.FromMinutes(10)), Ct);
        await store.SaveAsync(NewState("live", TimeSpan.FromMinutes(10)), Ct);
        await store.ConsumeAsync("used", Now, Ct);

        var purged = await store.PurgeExpiredAsync(Now + TimeSpan.FromMinutes(2), Ct);

        purged.ShouldBe(2);
        (await store.ConsumeAsync("live", Now, Ct)).ShouldNotBeNull();
    }
}
