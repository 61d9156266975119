using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mooring.Testing;

/// <summary>
/// A provider API on real loopback HTTP that records what reached it and answers with headers a proxy must filter;
/// <c>/api/moved</c> redirects to <see cref="RedirectTo"/>.
/// </summary>
internal sealed class EchoUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoUpstream(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>Where <c>/api/moved</c> redirects to: a path on this host by default, or another host's URL.</summary>
    public string RedirectTo { get; set; } = "/elsewhere/secret-place";

    public static async Task<EchoUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        EchoUpstream? upstream = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            upstream!.Received.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
            if (context.Request.Path.StartsWithSegments("/api/moved"))
            {
                context.Response.Redirect(upstream.RedirectTo);
                return;
            }

            context.Response.StatusCode = context.Request.Path.StartsWithSegments("/api/teapot") ? 418 : 200;
            context.Response.Headers["X-Upstream"] = "echo";
            context.Response.Headers["Set-Cookie"] = "upstream-session=1";
            await context.Response.WriteAsJsonAsync(new { ok = true });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        upstream = new EchoUpstream(app, new Uri(address.TrimEnd('/') + "/api/"));
        return upstream;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
}
