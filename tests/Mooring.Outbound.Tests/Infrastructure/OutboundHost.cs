using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Sandbox;

namespace Mooring.Outbound.Tests.Infrastructure;

/// <summary>
/// The sandbox on real loopback HTTP, and an app embedding Mooring (AddMooring, SQLite) whose built-in Slack, Stripe,
/// Gmail, Calendar and GitHub definitions point at it. Both run on one FakeTimeProvider (<see cref="Time"/>), which
/// <see cref="DriveAsync{T}"/> advances while calls wait on backoffs and timeouts: the sandbox's rate-limit windows,
/// resets and token lifetimes move with Mooring's waits (unless a test gives the sandbox a clock of its own).
/// </summary>
public sealed class OutboundHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private OutboundHost(SandboxHost sandbox, WebApplication app, string directory, WireRecorder wire)
    {
        Sandbox = sandbox;
        _app = app;
        _directory = directory;
        Wire = wire;
    }

    public SandboxHost Sandbox { get; }

    /// <summary>Every request as it left Mooring for the sandbox (headers only).</summary>
    public WireRecorder Wire { get; }

    public IServiceProvider Services => _app.Services;

    public FakeTimeProvider Time => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static async Task<OutboundHost> StartAsync(
        Action<SandboxOptions>? sandboxOptions = null, Dictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var options = new SandboxOptions { Seed = 7, TimeProvider = clock };
        sandboxOptions?.Invoke(options);
        var sandbox = await SandboxHost.StartAsync(options, cancellationToken: cancellationToken);
        var directory = Directory.CreateTempSubdirectory("mooring-outbound-").FullName;
        var slack = sandbox.AddressOf(SandboxProvider.Slack);
        var google = sandbox.AddressOf(SandboxProvider.Google);
        var github = sandbox.AddressOf(SandboxProvider.GitHub);
        var config = new Dictionary<string, string?>
        {
            ["Mooring:Mode"] = "Production",
            ["Mooring:DataDirectory"] = directory,
            // Pacing waits on the app's clock, which these tests move by hand: off here, on in PacingTests.
            ["Mooring:RateLimiting:Enabled"] = "false",
            ["Mooring:StorageProvider"] = "sqlite",
            ["Mooring:Encryption:Keys:k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Mooring:ManagementApiKeys:0"] = "test-management-key-0123456789abcdef0123",
            ["Mooring:Connections:PublicBaseUrl"] = "http://mooring.test",
            ["Mooring:Connections:TokenRequestRetryDelay"] = "00:00:00",
            ["Mooring:Connections:BackgroundRefreshInterval"] = "00:00:00",
            ["Mooring:Providers:slack:apiBaseUrl"] = new Uri(slack, "api/").AbsoluteUri,
            ["Mooring:Providers:slack:oauth2:tokenUrl"] = new Uri(slack, "api/oauth.v2.access").AbsoluteUri,
            ["Mooring:Providers:stripe:apiBaseUrl"] = sandbox.AddressOf(SandboxProvider.Stripe).AbsoluteUri,
            ["Mooring:Providers:google-mail:apiBaseUrl"] = new Uri(google, "gmail/v1/").AbsoluteUri,
            ["Mooring:Providers:google-mail:oauth2:tokenUrl"] = new Uri(google, "token").AbsoluteUri,
            ["Mooring:Providers:google-calendar:apiBaseUrl"] = new Uri(google, "calendar/v3/").AbsoluteUri,
            ["Mooring:Providers:google-calendar:oauth2:tokenUrl"] = new Uri(google, "token").AbsoluteUri,
            ["Mooring:Providers:github:apiBaseUrl"] = github.AbsoluteUri,
            ["Mooring:Providers:github:oauth2:tokenUrl"] = new Uri(github, "login/oauth/access_token").AbsoluteUri,
        };
        foreach (var provider in new[] { "slack", "github", "google-mail", "google-calendar" })
        {
            config[$"Mooring:OAuth:Clients:{provider}:ClientId"] = options.DefaultClientId;
            config[$"Mooring:OAuth:Clients:{provider}:ClientSecret"] = options.DefaultClientSecret;
        }

        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddFakeLogging();
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddMooring(builder.Configuration);
        var wire = new WireRecorder();
        builder.Services.AddHttpClient(OutboundConstants.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => wire.CreateHandler());
        var app = builder.Build();
        app.MapMooring();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            await sandbox.DisposeAsync();
            Directory.Delete(directory, recursive: true);
            throw;
        }

        return new OutboundHost(sandbox, app, directory, wire);
    }

    /// <summary>A connection with an API key (Stripe's secret key by default).</summary>
    public Task<Connection> ApiKeyConnectionAsync(string provider, string? key = null) =>
        Get<IConnectionVault>().CreateAsync(
            new Connection { Id = ConnectionId.New(), Provider = ProviderKey.Parse(provider), AuthMode = AuthMode.ApiKey },
            new ConnectionCredentials { ApiKey = key ?? Sandbox.Control.Options.StripeApiKey },
            CancellationToken.None);

    /// <summary>The id of a customer of the sandbox's Stripe account, read through Mooring.</summary>
    public async Task<string> FirstStripeCustomerAsync(ConnectionId connection)
    {
        using var list = await Get<IProviderApi>().SendAsync(connection, new ProviderRequest(HttpMethod.Get, "v1/customers") { Query = [new("limit", "1")] }, TestContext.Current.CancellationToken);
        return list.RootElement.GetProperty("data")[0].GetProperty("id").GetString()!;
    }

    /// <summary>An OAuth connection holding a token the sandbox issued (or <paramref name="accessToken"/> instead, with the issued refresh token).</summary>
    public Task<Connection> OAuthConnectionAsync(string provider, string sandboxProvider, string scope, string? accessToken = null)
    {
        var token = Sandbox.Control.IssueToken(sandboxProvider, scope);
        return Get<IConnectionVault>().CreateAsync(
            new Connection
            {
                Id = ConnectionId.New(),
                Provider = ProviderKey.Parse(provider),
                AuthMode = AuthMode.OAuth2,
                ExpiresAt = Time.GetUtcNow().AddDays(30),
                Scopes = scope.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries),
            },
            new ConnectionCredentials { AccessToken = accessToken ?? token.AccessToken, RefreshToken = token.RefreshToken, TokenType = "Bearer" },
            CancellationToken.None);
    }

    /// <summary>The first issue of the sandbox's seeded GitHub repository, listed through the pipeline (one request).</summary>
    public Task<List<Mooring.Providers.GitHub.GitHubIssue>> FirstGitHubIssueAsync(ConnectionId connectionId) =>
        DriveAsync(Get<Mooring.Providers.GitHub.GitHubIssuesClient>()
            .ListIssuesAsync(connectionId, "octo-org", "octo-repo", "all", TestContext.Current.CancellationToken)
            .Take(1).ToListAsync(TestContext.Current.CancellationToken).AsTask());

    /// <summary>
    /// Every item of GitHub's issues list of the sandbox's <c>octo-org/octo-repo</c> (state <c>all</c>), read through the
    /// pipeline as GitHub answers it, pull requests included: its number, and whether it is a pull request.
    /// </summary>
    public Task<List<(int Number, bool IsPullRequest)>> ListedGitHubIssuesAsync(ConnectionId connectionId) =>
        Get<IProviderApi>()
            .ListAsync(connectionId, new ProviderRequest(HttpMethod.Get, "repos/octo-org/octo-repo/issues") { Query = [new("state", "all")] }, TestContext.Current.CancellationToken)
            .Select(i => (i.GetProperty("number").GetInt32(), i.TryGetProperty("pull_request", out _)))
            .ToListAsync(TestContext.Current.CancellationToken).AsTask();

    /// <summary>
    /// Awaits <paramref name="work"/> while moving the clock (Mooring's and the sandbox's) on by 100 ms steps, so that backoffs, Retry-After
    /// waits and timeouts elapse without real waiting. The clock stands still while a request is on the wire, so that
    /// an answer on its way is never taken for a timeout; with <paramref name="hangs"/>, a request held for more than a
    /// quarter of a real second is taken for one the sandbox never answers, and the clock moves on to its timeout.
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> work, bool hangs = false)
    {
        var by = TimeSpan.FromMilliseconds(100);
        var held = hangs ? TimeSpan.FromMilliseconds(250) : TimeSpan.MaxValue;
        var faultsBefore = Sandbox.Control.FaultLog.Count;
        while (!work.IsCompleted)
        {
            // A real millisecond lets the loopback I/O in flight progress between two steps of the fake clock.
            await Task.WhenAny(work, Task.Delay(1, TestContext.Current.CancellationToken));

            // A hang is held until the sandbox has it: on a loaded machine the request can take longer than 'held' to get
            // there, and the attempt timeout would then cancel it before the sandbox ever saw it.
            var hangNotArrived = hangs && Sandbox.Control.FaultLog.Count == faultsBefore && Wire.HasRequestYoungerThan(TimeSpan.MaxValue);
            if (!hangNotArrived && !Wire.HasRequestYoungerThan(held))
            {
                Time.Advance(by);
            }
        }

        return await work;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await Sandbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>Records the headers of each request on the wire, below every Mooring handler.</summary>
public sealed class WireRecorder
{
    private readonly ConcurrentQueue<WireRequest> _requests = new();
    private readonly ConcurrentDictionary<HttpRequestMessage, long> _inFlight = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<WireRequest> Requests => [.. _requests];

    /// <summary>Completes once <paramref name="count"/> requests have gone on the wire (a signal, not a poll).</summary>
    public async Task WaitForRequestsAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task sent;
            lock (_gate)
            {
                if (_requests.Count >= count)
                {
                    return;
                }

                sent = _sent.Task;
            }

            await sent.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Whether a request sent less than <paramref name="age"/> ago (real time) still waits for its answer.</summary>
    public bool HasRequestYoungerThan(TimeSpan age) =>
        _inFlight.Values.Any(start => age == TimeSpan.MaxValue || System.Diagnostics.Stopwatch.GetElapsedTime(start) < age);

    /// <summary>The recorder over a primary handler set up as Mooring's own: no redirects followed, no cookies.</summary>
    public HttpMessageHandler CreateHandler() =>
        new Recording(this) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false } };

    private sealed class Recording(WireRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            recorder._inFlight[request] = System.Diagnostics.Stopwatch.GetTimestamp();
            TaskCompletionSource sent;
            lock (recorder._gate)
            {
                recorder._requests.Enqueue(new WireRequest(
                    request.Method.Method,
                    request.RequestUri!,
                    request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)));
                sent = recorder._sent;
                recorder._sent = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            sent.TrySetResult();
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                recorder._inFlight.TryRemove(request, out _);
            }
        }
    }
}

public sealed record WireRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers);
