using Mooring.Outbound.RequestLog;
using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;
using Mooring.Storage;

namespace Mooring.Outbound.Tests.Pipeline;

/// <summary>A caller that gives up gets its cancellation back: not a provider failure, in the log or in the circuit.</summary>
public sealed class CancellationTests : OutboundTestBase
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Mooring:Outbound:Providers:stripe:MaxAttempts"] = "1",
        ["Mooring:Outbound:Providers:stripe:CircuitMinimumThroughput"] = "2",
    };

    [Fact]
    public async Task CallerCancels_WhileTheProviderHangs_SurfacesAsCancellation_LoggedAsCancelled_CircuitStaysClosed()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        var hang = Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.list", Kind = FaultKind.Hang });

        const int Calls = 4; // twice the circuit's minimum throughput: cancellations counted as failures would open it
        for (var i = 1; i <= Calls; i++)
        {
            using var caller = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var call = Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), caller.Token);
            await Host.Wire.WaitForRequestsAsync(i, Ct);
            await caller.CancelAsync();

            var error = await Should.ThrowAsync<OperationCanceledException>(call);
            error.ShouldNotBeOfType<ProviderApiException>();
        }

        Host.Sandbox.Control.RemoveFault(hang);
        using (await Host.Get<IProviderApi>().SendAsync(connection.Id, new ProviderRequest(HttpMethod.Get, "v1/customers"), Ct))
        {
        }

        await Host.Get<RequestLogWriter>().FlushAsync(Ct);
        var log = await Host.Get<IRequestLogStore>().QueryAsync(new RequestLogQuery { ConnectionId = connection.Id }, Ct);
        log.Count(e => e.ErrorCategory == "cancelled" && e.Status == null).ShouldBe(Calls);
        log.Count(e => e.Status == 200).ShouldBe(1);
        log.ShouldNotContain(e => e.ErrorCategory == "provider_unavailable");
    }
}
