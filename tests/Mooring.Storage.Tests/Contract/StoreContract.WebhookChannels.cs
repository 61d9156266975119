using Mooring.Connections;

namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    private WebhookChannelRecord NewChannel(string id, string provider = "google-calendar", string connection = "cal-1", string? tokenHash = null) => new()
    {
        Provider = ProviderKey.Parse(provider),
        ChannelId = id,
        TokenHash = tokenHash,
        ConnectionId = ConnectionId.Parse(connection),
        ExpiresAt = Now.AddDays(7),
        CreatedAt = Now,
    };

    [Fact]
    public async Task WebhookChannel_AddThenGet_RoundTripsAndIsKeyedByProviderAndId()
    {
        var store = Harness.Get<IWebhookChannelStore>();
        var own = NewChannel("ch-1", tokenHash: new string('a', 64));
        await store.AddAsync(own, Ct);
        await store.AddAsync(NewChannel("ch-1", provider: "google-drive", tokenHash: null), Ct);

        var duplicate = await Should.ThrowAsync<DuplicateKeyException>(() => store.AddAsync(NewChannel("ch-1"), Ct));

        (await store.GetAsync(own.Provider, "ch-1", Ct)).ShouldBe(own);
        (await store.GetAsync(ProviderKey.Parse("google-drive"), "ch-1", Ct)).ShouldNotBeNull().TokenHash.ShouldBeNull();
        (await store.GetAsync(own.Provider, "ch-2", Ct)).ShouldBeNull();
        duplicate.Message.ShouldContain("ch-1");
    }

    [Fact]
    public async Task WebhookChannel_List_FiltersByProviderAndConnectionAndPagesById()
    {
        var store = Harness.Get<IWebhookChannelStore>();
        foreach (var (id, connection) in new[] { ("ch-c", "cal-1"), ("ch-a", "cal-1"), ("ch-b", "cal-2"), ("ch-d", "cal-1") })
        {
            await store.AddAsync(NewChannel(id, connection: connection), Ct);
        }

        await store.AddAsync(NewChannel("ch-z", provider: "google-drive"), Ct);
        var provider = ProviderKey.Parse("google-calendar");

        var first = await store.ListAsync(new WebhookChannelQuery { Provider = provider, ConnectionId = ConnectionId.Parse("cal-1"), Limit = 2 }, Ct);
        var next = await store.ListAsync(new WebhookChannelQuery { Provider = provider, ConnectionId = ConnectionId.Parse("cal-1"), After = first[^1].ChannelId }, Ct);
        var all = await store.ListAsync(new WebhookChannelQuery { Provider = provider }, Ct);

        first.Select(c => c.ChannelId).ShouldBe(["ch-a", "ch-c"]);
        next.Select(c => c.ChannelId).ShouldBe(["ch-d"]);
        all.Select(c => c.ChannelId).ShouldBe(["ch-a", "ch-b", "ch-c", "ch-d"]);
    }

    [Fact]
    public async Task WebhookChannel_DeleteAndPurge_RemoveOnlyWhatTheyName()
    {
        var store = Harness.Get<IWebhookChannelStore>();
        await store.AddAsync(NewChannel("ch-gone"), Ct);
        await store.AddAsync(NewChannel("ch-old") with { ExpiresAt = Now.AddHours(1) }, Ct);
        await store.AddAsync(NewChannel("ch-live"), Ct);
        var provider = ProviderKey.Parse("google-calendar");

        var deleted = await store.DeleteAsync(provider, "ch-gone", Ct);
        var again = await store.DeleteAsync(provider, "ch-gone", Ct);
        var purged = await store.PurgeExpiredAsync(Now.AddHours(1), Ct);

        (deleted, again, purged).ShouldBe((true, false, 1));
        (await store.ListAsync(new WebhookChannelQuery { Provider = provider }, Ct)).Select(c => c.ChannelId).ShouldBe(["ch-live"]);
    }

    [Fact]
    public async Task WebhookChannel_Managed_RoundTripsAndRecordsTheWatchAnswer()
    {
        var store = Harness.Get<IWebhookChannelStore>();
        var managed = NewChannel("ch-m", tokenHash: new string('b', 64)) with { Managed = true, CalendarId = "team@example.com" };
        await store.AddAsync(managed, Ct);
        var provider = managed.Provider;

        var before = await store.GetAsync(provider, "ch-m", Ct);
        var set = await store.SetWatchedAsync(provider, "ch-m", "res-1", Now.AddDays(3), Ct);
        var missing = await store.SetWatchedAsync(provider, "ch-none", "res-2", Now.AddDays(3), Ct);

        before.ShouldBe(managed);
        (set, missing).ShouldBe((true, false));
        (await store.GetAsync(provider, "ch-m", Ct)).ShouldBe(managed with { ResourceId = "res-1", ExpiresAt = Now.AddDays(3) });
    }

    [Fact]
    public async Task WebhookChannel_List_FiltersByManagedAndExpiringBefore()
    {
        var store = Harness.Get<IWebhookChannelStore>();
        await store.AddAsync(NewChannel("ch-app") with { ExpiresAt = Now.AddHours(1) }, Ct);
        await store.AddAsync(NewChannel("ch-soon") with { Managed = true, ExpiresAt = Now.AddHours(1) }, Ct);
        await store.AddAsync(NewChannel("ch-late") with { Managed = true, ExpiresAt = Now.AddDays(7) }, Ct);
        var provider = ProviderKey.Parse("google-calendar");

        var managed = await store.ListAsync(new WebhookChannelQuery { Provider = provider, Managed = true }, Ct);
        var notManaged = await store.ListAsync(new WebhookChannelQuery { Provider = provider, Managed = false }, Ct);
        var expiring = await store.ListAsync(new WebhookChannelQuery { Provider = provider, Managed = true, ExpiringBefore = Now.AddDays(1) }, Ct);

        managed.Select(c => c.ChannelId).ShouldBe(["ch-late", "ch-soon"]);
        notManaged.Select(c => c.ChannelId).ShouldBe(["ch-app"]);
        expiring.Select(c => c.ChannelId).ShouldBe(["ch-soon"]);
    }
}
