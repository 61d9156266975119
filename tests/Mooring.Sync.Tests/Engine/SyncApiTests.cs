using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mooring.Sync.Tests.Infrastructure;

namespace Mooring.Sync.Tests.Engine;

/// <summary>/api/syncs and /api/records: state, trigger, pause, resume, runs, the change feed in pages, and errors naming the parameter.</summary>
public sealed class SyncApiTests : IAsyncLifetime
{
    private SyncHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await SyncHost.StartAsync(o => o.Data.StripeCustomers = 250);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task TriggerThenReadTheFeedInPages_EveryRecordOnce_ThenOnlyTheChanges()
    {
        var stripe = await _host.StripeAsync();
        (await _host.Client.PostAsync("/api/syncs/stripe-1/stripe-customers/trigger?kind=full", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var requested = await GetAsync("/api/syncs?connection=stripe-1");
        Model(requested).GetProperty("requested").GetString().ShouldBe("full");

        await _host.Get<SyncScheduler>().RunDueAsync(Ct);

        var state = Model(await GetAsync("/api/syncs?connection=stripe-1"));
        state.GetProperty("records").GetInt64().ShouldBe(250);
        state.GetProperty("in_progress").GetBoolean().ShouldBeFalse();
        state.GetProperty("last_synced_at").ValueKind.ShouldBe(JsonValueKind.String);
        state.GetProperty("last_run").GetProperty("status").GetString().ShouldBe("succeeded");
        var (ids, cursor) = await ReadAllAsync(null, 60);
        ids.Count.ShouldBe(250);
        ids.Distinct().Count().ShouldBe(250);

        _host.Sandbox.Control.AdvanceData(8);
        await _host.RunAsync(stripe, "stripe-customers");
        var (changed, _) = await ReadAllAsync(cursor, 60);
        changed.Count.ShouldBeInRange(1, 8);

        var runs = await GetAsync("/api/syncs/stripe-1/stripe-customers/runs");
        runs.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ShouldBe(["incremental", "full"]);
    }

    [Fact]
    public async Task PauseResume_ShowInTheState()
    {
        await _host.StripeAsync();
        (await _host.Client.PostAsync("/api/syncs/stripe-1/stripe-customers/pause", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Model(await GetAsync("/api/syncs?connection=stripe-1")).GetProperty("paused").GetBoolean().ShouldBeTrue();
        (await _host.Client.PostAsync("/api/syncs/stripe-1/stripe-customers/resume", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Model(await GetAsync("/api/syncs?connection=stripe-1")).GetProperty("paused").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Disconnect_DeletesWhatWasSyncedThroughTheConnection()
    {
        var stripe = await _host.StripeAsync();
        await _host.RunAsync(stripe, "stripe-customers", Storage.SyncRunKind.Full);

        (await _host.Client.DeleteAsync("/api/connections/stripe-1", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _host.Get<Storage.ISyncRecordStore>().CountAsync(stripe.Id, "stripe-customers", Ct)).ShouldBe(0);
        (await _host.Get<Storage.ISyncStore>().ListRunsAsync(stripe.Id, null, 10, Ct)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("GET", "/api/syncs", 400, "connection")]
    [InlineData("GET", "/api/syncs?connection=nobody", 404, "nobody")]
    [InlineData("POST", "/api/syncs/stripe-1/calendar-events/trigger", 404, "model")]
    [InlineData("POST", "/api/syncs/stripe-1/stripe-customers/trigger?kind=partial", 400, "kind")]
    [InlineData("POST", "/api/syncs/stripe-1/stripe-customers/trigger?force=true", 400, "force")]
    [InlineData("GET", "/api/records?connection=stripe-1", 400, "model")]
    [InlineData("GET", "/api/records?connection=stripe-1&model=stripe-customers&cursor=abc", 400, "cursor")]
    [InlineData("GET", "/api/records?connection=stripe-1&model=stripe-customers&limit=0", 400, "limit")]
    public async Task BadRequests_AreProblemsNamingTheParameter(string method, string url, int status, string named)
    {
        await _host.StripeAsync();

        using var response = await _host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url), Ct);

        ((int)response.StatusCode).ShouldBe(status);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(named);
    }

    private async Task<(List<string> Ids, string Cursor)> ReadAllAsync(string? cursor, int limit)
    {
        var ids = new List<string>();
        while (true)
        {
            var page = await GetAsync($"/api/records?connection=stripe-1&model=stripe-customers&limit={limit}{(cursor is null ? string.Empty : "&cursor=" + cursor)}");
            ids.AddRange(page.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
            cursor = page.GetProperty("next_cursor").GetString()!;
            if (!page.GetProperty("has_more").GetBoolean())
            {
                return (ids, cursor);
            }
        }
    }

    private static JsonElement Model(JsonElement states) =>
        states.GetProperty("data").EnumerateArray().Single(s => s.GetProperty("model").GetString() == "stripe-customers");

    private async Task<JsonElement> GetAsync(string url)
    {
        using var response = await _host.Client.GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
