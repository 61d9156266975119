using Mooring.Connections;

namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Connections_InsertThenGet_RoundTripsEveryField()
    {
        var store = Harness.Get<IConnectionStore>();
        var original = NewConnection("c-1") with { StatusMessage = "fine", CreatedAt = Now, UpdatedAt = Now };
        var secret = new Security.ProtectedSecret("k1", [1, 2, 3, 4]);

        await store.InsertAsync(new StoredConnection(original, secret), Ct);
        var loaded = (await store.GetAsync(original.Id, Ct)).ShouldNotBeNull();

        var c = loaded.Connection;
        c.ShouldBe(original with { Version = 1, Scopes = c.Scopes, Metadata = c.Metadata }); // record equality for every scalar
        c.Scopes.ShouldBe(["chat:write", "channels:read"]);
        c.Metadata.ShouldBe(new Dictionary<string, string> { ["team_id"] = "T123" });
        loaded.Credentials.ShouldNotBeNull().KeyId.ShouldBe("k1");
        loaded.Credentials.Ciphertext.ShouldBe(new byte[] { 1, 2, 3, 4 });
    }

    [Fact]
    public async Task Connections_InsertDuplicateId_ThrowsDuplicateKeyNamingTheId()
    {
        var store = Harness.Get<IConnectionStore>();
        await store.InsertAsync(new StoredConnection(NewConnection("dup"), null), Ct);

        var error = await Should.ThrowAsync<DuplicateKeyException>(() => store.InsertAsync(new StoredConnection(NewConnection("dup"), null), Ct));

        error.Message.ShouldContain("'dup'");
    }

    [Fact]
    public async Task Connections_UpdateWithStaleVersion_LosesAndKeepsTheWinner()
    {
        var store = Harness.Get<IConnectionStore>();
        var stored = await store.InsertAsync(new StoredConnection(NewConnection("c-2"), null), Ct);

        var first = await store.UpdateAsync(stored with { Connection = stored.Connection with { StatusMessage = "first" } }, 1, Ct);
        var second = await store.UpdateAsync(stored with { Connection = stored.Connection with { StatusMessage = "second" } }, 1, Ct);

        first.ShouldNotBeNull().Connection.Version.ShouldBe(2);
        second.ShouldBeNull();
        (await store.GetAsync(stored.Connection.Id, Ct))!.Connection.StatusMessage.ShouldBe("first");
    }

    [Fact]
    public async Task Connections_ConcurrentUpdatesAtSameVersion_ExactlyOneWins()
    {
        var store = Harness.Get<IConnectionStore>();
        var stored = await store.InsertAsync(new StoredConnection(NewConnection("race"), null), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            store.UpdateAsync(stored with { Connection = stored.Connection with { StatusMessage = "w" + i } }, 1, Ct)));

        results.Count(r => r is not null).ShouldBe(1);
    }

    [Fact]
    public async Task Connections_List_FiltersAndPagesById()
    {
        var store = Harness.Get<IConnectionStore>();
        await store.InsertAsync(new StoredConnection(NewConnection("a", "slack", "u1"), null), Ct);
        await store.InsertAsync(new StoredConnection(NewConnection("b", "github", "u1"), null), Ct);
        await store.InsertAsync(new StoredConnection(NewConnection("c", "slack", "u2") with { Status = ConnectionStatus.NeedsReconnect }, null), Ct);

        (await store.ListAsync(new ConnectionQuery { EndUserRef = "u1" }, Ct)).Select(c => c.Id.Value).ShouldBe(["a", "b"]);
        (await store.ListAsync(new ConnectionQuery { Provider = ProviderKey.Parse("slack") }, Ct)).Select(c => c.Id.Value).ShouldBe(["a", "c"]);
        (await store.ListAsync(new ConnectionQuery { Status = ConnectionStatus.NeedsReconnect }, Ct)).Single().Id.Value.ShouldBe("c");
        (await store.ListAsync(new ConnectionQuery { After = ConnectionId.Parse("a"), Limit = 1 }, Ct)).Single().Id.Value.ShouldBe("b");
    }

    [Fact]
    public async Task Connections_Delete_RemovesAndReportsWhetherItExisted()
    {
        var store = Harness.Get<IConnectionStore>();
        await store.InsertAsync(new StoredConnection(NewConnection("gone"), new Security.ProtectedSecret("k1", [9])), Ct);

        (await store.DeleteAsync(ConnectionId.Parse("gone"), Ct)).ShouldBeTrue();
        (await store.DeleteAsync(ConnectionId.Parse("gone"), Ct)).ShouldBeFalse();
        (await store.GetAsync(ConnectionId.Parse("gone"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Connections_ListExpiringBefore_ReturnsOnlyThoseDueAndNotThoseWithoutExpiry()
    {
        var store = Harness.Get<IConnectionStore>();
        await store.InsertAsync(new StoredConnection(NewConnection("soon") with { ExpiresAt = Now + TimeSpan.FromMinutes(3) }, null), Ct);
        await store.InsertAsync(new StoredConnection(NewConnection("later") with { ExpiresAt = Now + TimeSpan.FromHours(3) }, null), Ct);
        await store.InsertAsync(new StoredConnection(NewConnection("never") with { ExpiresAt = null }, null), Ct);

        var due = await store.ListAsync(new ConnectionQuery { ExpiringBefore = Now + TimeSpan.FromMinutes(5) }, Ct);

        due.Select(c => c.Id.Value).ShouldBe(["soon"]);
    }
}
