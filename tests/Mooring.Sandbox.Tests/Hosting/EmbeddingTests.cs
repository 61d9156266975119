using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Mooring.Sandbox.Tests.Hosting;

/// <summary>The sandbox mounted inside another app, as the Mooring server's quick start does.</summary>
public sealed class EmbeddingTests
{
    [Fact]
    public async Task MapSandbox_UnderAPrefix_ServesEveryProviderThere()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSandbox(o => o.Seed = 11);
        await using var app = builder.Build();
        app.MapGet("/", () => "host app");
        app.MapSandbox("/sandbox");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        using var http = new HttpClient { BaseAddress = root };
        var control = app.Services.GetRequiredService<SandboxControl>();

        var stripe = new StripeClient(control.Options.StripeApiKey, httpClient: new SystemNetHttpClient(new HttpClient(), 0), apiBase: new Uri(root, "sandbox/stripe").ToString());
        (await new CustomerService(stripe).ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Data.Count.ShouldBe(10);
        (await http.GetStringAsync("sandbox/oauth/.well-known/openid-configuration", TestContext.Current.CancellationToken)).ShouldContain("/sandbox/oauth/token");
        (await http.GetStringAsync("sandbox/_sandbox/", TestContext.Current.CancellationToken)).ShouldContain("\"seed\":11");
        (await http.GetAsync("api/v3/user", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetStringAsync("/", TestContext.Current.CancellationToken)).ShouldBe("host app");
    }
}
