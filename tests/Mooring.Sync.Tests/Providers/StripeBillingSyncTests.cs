using Mooring.Storage;
using Mooring.Sync.Tests.Infrastructure;

namespace Mooring.Sync.Tests.Providers;

/// <summary>Stripe subscriptions (canceled ones kept, with their status) and invoices, full then from events.</summary>
public sealed class StripeBillingSyncTests : IAsyncLifetime
{
    private SyncHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await SyncHost.StartAsync(o => o.Data.StripeCustomers = 10);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task SubscriptionsAndInvoices_FullThenIncremental_EndEqual()
    {
        var stripe = await _host.StripeAsync();
        var customers = (await SandboxTruth.StripeAsync(_host.Sandbox)).Keys.Order(StringComparer.Ordinal).ToList();
        var subscriptions = new List<string>();
        foreach (var customer in customers.Take(3))
        {
            subscriptions.Add(await SubscribeAsync(customer));
        }

        (await _host.RunAsync(stripe, "stripe-subscriptions", SyncRunKind.Full)).ShouldNotBeNull().Added.ShouldBe(3);
        (await _host.RunAsync(stripe, "stripe-invoices", SyncRunKind.Full)).ShouldNotBeNull().Added.ShouldBe(3);

        await SubscribeAsync(customers[5]);
        using (var http = Stripe())
        {
            (await http.DeleteAsync($"v1/subscriptions/{subscriptions[0]}", Ct)).EnsureSuccessStatusCode();
        }

        var subs = await _host.RunAsync(stripe, "stripe-subscriptions");
        var invoices = await _host.RunAsync(stripe, "stripe-invoices");

        subs.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Incremental);
        (subs.Added, subs.Updated, subs.Deleted).ShouldBe((1L, 1L, 0L), "the cancellation is an update to status canceled");
        invoices.ShouldNotBeNull().Kind.ShouldBe(SyncRunKind.Incremental);
        invoices.Added.ShouldBe(1);
        (await _host.LocalAsync(stripe, "stripe-subscriptions")).ShouldBe(await SandboxTruth.StripeAsync(_host.Sandbox, "v1/subscriptions?status=all"), ignoreOrder: true);
        (await _host.LocalAsync(stripe, "stripe-invoices")).ShouldBe(await SandboxTruth.StripeAsync(_host.Sandbox, "v1/invoices"), ignoreOrder: true);
    }

    private HttpClient Stripe()
    {
        var http = new HttpClient { BaseAddress = _host.Sandbox.AddressOf("stripe") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", _host.Sandbox.Control.Options.StripeApiKey);
        return http;
    }

    private async Task<string> SubscribeAsync(string customer)
    {
        using var http = Stripe();
        using var response = await http.PostAsync("v1/subscriptions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["customer"] = customer,
            ["items[0][price]"] = "price_basic",
            ["trial_period_days"] = "14",
        }), Ct);
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("id").GetString()!;
    }
}
