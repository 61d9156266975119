using System.Net;
using System.Text.Json.Nodes;
using Stripe;

namespace Mooring.Sandbox.Tests.Data;

/// <summary>A million records per model, served page by page without materialising them.</summary>
public sealed class ScaleTests
{
    [Fact]
    public async Task StripeNet_MillionCustomers_FirstAndDeepPages()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Data.StripeCustomers = 1_000_000);
        var customers = new CustomerService(Stripe.StripeNetFidelityTests.Client(sandbox));
        var ct = TestContext.Current.CancellationToken;

        var first = await customers.ListAsync(new CustomerListOptions { Limit = 100 }, cancellationToken: ct);
        first.HasMore.ShouldBeTrue();
        var deep = await customers.ListAsync(new CustomerListOptions { Limit = 100, StartingAfter = first.Data[^1].Id }, cancellationToken: ct);
        deep.Data.Count.ShouldBe(100);
        deep.Data[0].Created.ShouldBeLessThanOrEqualTo(first.Data[^1].Created);
        deep.Data.Select(c => c.Id).Intersect(first.Data.Select(c => c.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Calendar_IncrementalSyncOverAMillionEvents_SeesOnlyTheChanges()
    {
        await using var sandbox = await TestSandbox.StartAsync(o =>
        {
            o.Data.CalendarEvents = 1_000_000;
            o.RateLimits.Enabled = false;
        });
        var token = sandbox.Control.IssueToken(SandboxProvider.Google).AccessToken;
        var first = await Get(sandbox, "google/calendar/v3/calendars/primary/events?maxResults=2500", token);
        first["items"]!.AsArray().Count.ShouldBe(2500);
        first["nextPageToken"].ShouldNotBeNull();

        // The last page of any listing carries the sync token; a filter that matches nothing reaches it in one call.
        var empty = await Get(sandbox, "google/calendar/v3/calendars/primary/events?updatedMin=2100-01-01T00:00:00Z", token);
        var syncToken = empty["nextSyncToken"]!.GetValue<string>();

        sandbox.Control.AdvanceData(25);
        var changes = await Get(sandbox, "google/calendar/v3/calendars/primary/events?syncToken=" + syncToken, token);
        changes["items"]!.AsArray().Count.ShouldBeInRange(1, 25);
    }

    private static Task<JsonObject> Get(TestSandbox sandbox, string path, string token) => sandbox.GetJsonAsync(path, token);
}
