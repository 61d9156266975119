using Mooring.Storage;
using Mooring.Sync.Tests.Infrastructure;

namespace Mooring.Sync.Tests.Providers;

/// <summary>Calendar (sync tokens, cancelled events, 410) and Gmail (history ids, 404) against the sandbox's moving data.</summary>
public sealed class GoogleSyncTests : IAsyncLifetime
{
    private SyncHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SyncHost.StartAsync(o =>
    {
        o.Data.CalendarEvents = 600;
        o.Data.GmailMessages = 150;
    });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Calendar_FullThenIncrementalWithCancellations_EndsEqual()
    {
        var calendar = await _host.OAuthAsync("google-calendar", "cal-1");
        var full = await _host.RunAsync(calendar, "calendar-events", SyncRunKind.Full);
        full.ShouldNotBeNull().Added.ShouldBe(600);
        await ShouldEqualAsync(calendar, "calendar-events", t => SandboxTruth.CalendarAsync(_host.Sandbox, t));

        for (var round = 0; round < 3; round++)
        {
            _host.Time.Advance(TimeSpan.FromMinutes(5));
            _host.Sandbox.Control.AdvanceData(25);
            var run = await _host.RunAsync(calendar, "calendar-events");

            run.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Incremental);
            run.Status.ShouldBe(SyncRunStatus.Succeeded);
            (run.Added + run.Updated + run.Deleted).ShouldBeLessThanOrEqualTo(25);
            await ShouldEqualAsync(calendar, "calendar-events", t => SandboxTruth.CalendarAsync(_host.Sandbox, t));
        }
    }

    [Fact]
    public async Task Calendar_ExpiredSyncToken_RunsAFullResync()
    {
        var calendar = await _host.OAuthAsync("google-calendar", "cal-2");
        await _host.RunAsync(calendar, "calendar-events", SyncRunKind.Full);
        _host.Sandbox.Control.AdvanceData(40);
        _host.Sandbox.Control.ExpireSyncTokens();

        var run = await _host.RunAsync(calendar, "calendar-events");

        run.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Full);
        run.Status.ShouldBe(SyncRunStatus.Succeeded);
        var runs = await _host.Get<ISyncStore>().ListRunsAsync(calendar.Id, "calendar-events", 10, TestContext.Current.CancellationToken);
        runs[1].Kind.ShouldBe(SyncRunKind.Incremental);
        runs[1].Error.ShouldNotBeNull().ShouldContain("full sync follows");
        await ShouldEqualAsync(calendar, "calendar-events", t => SandboxTruth.CalendarAsync(_host.Sandbox, t));
    }

    [Fact]
    public async Task Gmail_FullThenHistory_EndsEqual_AndTooOldHistoryIdResyncs()
    {
        var gmail = await _host.OAuthAsync("google-mail", "mail-1");
        (await _host.RunAsync(gmail, "gmail-messages", SyncRunKind.Full)).ShouldNotBeNull().Added.ShouldBe(150);

        _host.Time.Advance(TimeSpan.FromMinutes(5));
        _host.Sandbox.Control.AdvanceData(20);
        var incremental = await _host.RunAsync(gmail, "gmail-messages");
        incremental.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Incremental);
        incremental.Status.ShouldBe(SyncRunStatus.Succeeded);
        await ShouldEqualAsync(gmail, "gmail-messages", t => SandboxTruth.GmailAsync(_host.Sandbox, t));

        _host.Sandbox.Control.AdvanceData(20);
        _host.Sandbox.Control.ExpireSyncTokens();
        var resync = await _host.RunAsync(gmail, "gmail-messages");
        resync.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Full);
        resync.Status.ShouldBe(SyncRunStatus.Succeeded);
        await ShouldEqualAsync(gmail, "gmail-messages", t => SandboxTruth.GmailAsync(_host.Sandbox, t));
    }

    private async Task ShouldEqualAsync(Connections.Connection connection, string model, Func<string, Task<Dictionary<string, string>>> truth)
    {
        var token = _host.Sandbox.Control.IssueToken("google", "https://www.googleapis.com/auth/calendar.readonly https://www.googleapis.com/auth/gmail.readonly").AccessToken;
        var remote = await truth(token);
        var local = await _host.LocalAsync(connection, model);
        local.Keys.Order(StringComparer.Ordinal).ShouldBe(remote.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, json) in remote)
        {
            local[id].ShouldBe(json, $"{model} {id}");
        }
    }
}
