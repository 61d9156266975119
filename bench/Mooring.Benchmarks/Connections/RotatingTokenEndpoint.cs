using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mooring.Benchmarks.Connections;

/// <summary>
/// A strict token endpoint on a loopback port: each refresh must present the current refresh token (no reuse leeway)
/// and gets a new access and refresh token. Counts refresh requests.
/// </summary>
internal sealed class RotatingTokenEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private string _currentRefreshToken = NewToken();
    private int _refreshRequests;

    private RotatingTokenEndpoint(WebApplication app) => _app = app;

    public Uri TokenUrl { get; private set; } = null!;

    public string CurrentRefreshToken => Volatile.Read(ref _currentRefreshToken);

    public int RefreshRequests => Volatile.Read(ref _refreshRequests);

    public int Rejected { get; private set; }

    public static async Task<RotatingTokenEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var endpoint = new RotatingTokenEndpoint(app);
        app.MapPost("/token", (Func<HttpContext, Task<IResult>>)endpoint.HandleAsync);
        await app.StartAsync();
        endpoint.TokenUrl = new Uri(app.Urls.First() + "/token");
        return endpoint;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        Interlocked.Increment(ref _refreshRequests);
        var presented = form["refresh_token"].ToString();
        var next = NewToken();
        lock (_gate)
        {
            if (presented != _currentRefreshToken)
            {
                Rejected++;
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            _currentRefreshToken = next;
        }

        return Results.Json(new { access_token = NewToken(), refresh_token = next, token_type = "Bearer", expires_in = 3600 });
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
}
