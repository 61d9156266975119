using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mooring.Benchmarks.RateLimiting;

/// <summary>
/// A loopback API that allows <c>limit</c> requests per fixed one-second window and says so only in its response
/// headers: the IETF fields (<c>RateLimit-Policy</c>, <c>RateLimit</c>) or <c>X-RateLimit-Limit/Remaining/Reset</c>
/// (delta seconds, rounded up). None of the sandbox's emulators reports a per-second limit in headers (GitHub's are
/// hourly), hence this upstream.
/// </summary>
internal sealed class HeaderLimitedUpstream(WebApplication app) : IAsyncDisposable
{
    public Uri BaseAddress { get; } = new(app.Urls.First() + "/");

    public static async Task<HeaderLimitedUpstream> StartAsync(int limit, bool ietf)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var windows = new FixedWindows();
        app.MapGet("/items", (HttpContext context) =>
        {
            var (used, resetSeconds) = windows.Count(TimeProvider.System.GetUtcNow());
            var remaining = Math.Max(0, limit - used);
            var reset = ((int)Math.Ceiling(resetSeconds)).ToString(CultureInfo.InvariantCulture);
            var headers = context.Response.Headers;
            if (ietf)
            {
                headers["RateLimit-Policy"] = $"\"default\";q={limit};w=1";
                headers["RateLimit"] = $"\"default\";r={remaining};t={reset}";
            }
            else
            {
                headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Reset"] = reset;
            }

            if (used > limit)
            {
                headers.RetryAfter = reset;
                return Results.StatusCode(429);
            }

            return Results.Text("{}", "application/json");
        });
        await app.StartAsync();
        return new HeaderLimitedUpstream(app);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private sealed class FixedWindows
    {
        private readonly Lock _lock = new();
        private long _window;
        private int _used;

        public (int Used, double ResetSeconds) Count(DateTimeOffset now)
        {
            var ms = now.ToUnixTimeMilliseconds();
            lock (_lock)
            {
                if (ms / 1000 != _window)
                {
                    _window = ms / 1000;
                    _used = 0;
                }

                return (++_used, (1000 - (ms % 1000)) / 1000.0);
            }
        }
    }
}
