using Mooring.Outbound.Tests.Infrastructure;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>Stripe's limit depends on the key: 25 requests per second in test mode, 100 in live mode, paced with no configuration.</summary>
public sealed class StripeModeTests : OutboundTestBase
{
    private const int Calls = 60;

    protected override Dictionary<string, string?> Settings => new() { ["Mooring:RateLimiting:Enabled"] = "true" };

    [Fact]
    public async Task TestModeKey_IsPacedAt25PerSecondNot100()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe"); // the sandbox's sk_test_ key
        var api = Host.Get<IProviderApi>();
        var started = Host.Time.GetUtcNow();

        var calls = Enumerable.Range(0, Calls).Select(_ => api.SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), Ct)).ToList();
        foreach (var page in await Host.DriveAsync(Task.WhenAll(calls)))
        {
            page.Dispose();
        }

        // Paced at 25/s, 60 calls take about 2.4 s of the clock; at the live 100/s they would take about 0.6 s.
        (Host.Time.GetUtcNow() - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        Host.Wire.Requests.Count.ShouldBe(Calls);
    }
}
