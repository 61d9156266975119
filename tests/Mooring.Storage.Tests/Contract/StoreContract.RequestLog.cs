using Mooring.Connections;

namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task RequestLog_AppendQueryPurge_KeepsOrderAndFilters()
    {
        var store = Harness.Get<IRequestLogStore>();
        var conn = ConnectionId.Parse("c-1");
        await store.AppendAsync(
        [
            new RequestLogEntry { At = Now - TimeSpan.FromDays(40), Provider = ProviderKey.Parse("slack"), ConnectionId = conn, Method = "POST", Path = "/api/chat.postMessage", Status = 200, DurationMs = 12.5 },
            new RequestLogEntry { At = Now, Provider = ProviderKey.Parse("slack"), ConnectionId = conn, Method = "GET", Path = "/api/conversations.list", Status = 429, DurationMs = 3, Attempt = 2, ErrorCategory = "rate_limited", TraceId = "abc" },
            new RequestLogEntry { At = Now, Provider = ProviderKey.Parse("github"), Method = "GET", Path = "/repos/{owner}/{repo}/issues", Status = null, DurationMs = 30000, ErrorCategory = "network" },
        ], Ct);

        var forConnection = await store.QueryAsync(new RequestLogQuery { ConnectionId = conn }, Ct);
        forConnection.Select(e => e.Path).ShouldBe(["/api/conversations.list", "/api/chat.postMessage"]);
        var limited = forConnection[0];
        limited.Status.ShouldBe(429);
        limited.Attempt.ShouldBe(2);
        limited.ErrorCategory.ShouldBe("rate_limited");
        limited.TraceId.ShouldBe("abc");
        (await store.QueryAsync(new RequestLogQuery { Provider = ProviderKey.Parse("github") }, Ct)).Single().Status.ShouldBeNull();
        (await store.QueryAsync(new RequestLogQuery { Since = Now - TimeSpan.FromDays(1) }, Ct)).Count.ShouldBe(2);

        (await store.PurgeOlderThanAsync(Now - TimeSpan.FromDays(30), 100, Ct)).ShouldBe(1);
        (await store.QueryAsync(new RequestLogQuery(), Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task RequestLog_AppendManyEntries_WritesEveryRowInOrder()
    {
        // More rows than one statement holds where rows are sent many to a statement (PostgreSQL: full multi-row
        // statements and a shorter last one); SQLite runs one prepared single-row statement 123 times.
        var store = Harness.Get<IRequestLogStore>();
        var conn = ConnectionId.Parse("c-many");
        var entries = Enumerable.Range(0, 123).Select(i => new RequestLogEntry
        {
            At = Now + TimeSpan.FromMilliseconds(i),
            Provider = ProviderKey.Parse("stripe"),
            ConnectionId = conn,
            Method = "GET",
            Path = $"/v1/items/{i}",
            Status = i % 7 == 0 ? null : 200,
            DurationMs = i,
            Attempt = 1 + (i % 3),
            ErrorCategory = i % 7 == 0 ? "network" : null,
            TraceId = i % 2 == 0 ? $"trace-{i}" : null,
        }).ToList();

        await store.AppendAsync(entries, Ct);

        var read = (await store.QueryAsync(new RequestLogQuery { ConnectionId = conn, Limit = 500 }, Ct)).Reverse().ToList();
        read.Count.ShouldBe(123);
        read.Select(e => e.Path).ShouldBe(entries.Select(e => e.Path));
        read.Select(e => (e.Status, e.Attempt, e.ErrorCategory, e.TraceId, e.DurationMs)).ShouldBe(entries.Select(e => (e.Status, e.Attempt, e.ErrorCategory, e.TraceId, e.DurationMs)));
    }

    [Fact]
    public async Task RequestLog_ErrorsOnlyAndCategories_KeepOnlyThoseFailures_WithTheOtherFiltersAndPaging()
    {
        var store = Harness.Get<IRequestLogStore>();
        var slack = ConnectionId.Parse("c-slack");
        RequestLogEntry Entry(string path, string? category, ConnectionId? connection = null) => new()
        {
            At = Now, Provider = ProviderKey.Parse("slack"), ConnectionId = connection ?? slack, Method = "POST", Path = path, Status = 200, ErrorCategory = category,
        };
        await store.AppendAsync(
        [
            Entry("ok-1", null), Entry("limited-1", "rate_limited"), Entry("auth-1", "auth"), Entry("ok-2", null),
            Entry("limited-2", "rate_limited"), Entry("cancelled-1", "cancelled"), Entry("other-auth", "auth", ConnectionId.Parse("c-other")),
        ], Ct);

        async Task<string[]> PathsAsync(RequestLogQuery query) => [.. (await store.QueryAsync(query, Ct)).Select(e => e.Path)];

        (await PathsAsync(new RequestLogQuery { ErrorsOnly = true })).ShouldBe(["other-auth", "cancelled-1", "limited-2", "auth-1", "limited-1"]);
        (await PathsAsync(new RequestLogQuery { ErrorCategories = ["rate_limited", "auth"] })).ShouldBe(["other-auth", "limited-2", "auth-1", "limited-1"]);
        (await PathsAsync(new RequestLogQuery { ErrorCategories = ["auth"], ConnectionId = slack })).ShouldBe(["auth-1"]);
        (await PathsAsync(new RequestLogQuery { ErrorCategories = ["network"] })).ShouldBeEmpty();

        var first = await store.QueryAsync(new RequestLogQuery { ErrorsOnly = true, ConnectionId = slack, Limit = 2 }, Ct);
        var next = await store.QueryAsync(new RequestLogQuery { ErrorsOnly = true, ConnectionId = slack, Limit = 2, Before = first[^1].Id }, Ct);
        first.Select(e => e.Path).ShouldBe(["cancelled-1", "limited-2"]);
        next.Select(e => e.Path).ShouldBe(["auth-1", "limited-1"]);
    }
}
