using System.Net;

namespace Mooring.Sandbox.Tests.Hosting;

public sealed class SandboxHostTests
{
    [Fact]
    public async Task StartAsync_ListensOnLoopback_AddressesNameEveryProvider_DisposeStops()
    {
        var sandbox = await TestSandbox.StartAsync();
        var host = sandbox.Host;
        host.BaseAddress.Host.ShouldBe("127.0.0.1");
        host.Addresses.Keys.ShouldBe(SandboxProvider.All, ignoreOrder: true);
        host.AddressOf(SandboxProvider.Google).ToString().ShouldBe(host.BaseAddress + "google/");
        (await sandbox.Http.GetAsync("oauth/.well-known/oauth-authorization-server", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await sandbox.DisposeAsync();

        using var fresh = new HttpClient();
        await Should.ThrowAsync<HttpRequestException>(() => fresh.GetAsync(new Uri(host.BaseAddress, "_sandbox/"), TestContext.Current.CancellationToken));
    }
}
