using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Mooring.Connections;
using Mooring.AspNetCore.Webhooks;
using Mooring.Sandbox;
using Mooring.Sandbox.Webhooks;
using Mooring.Storage;
using Mooring.Sync;
using Mooring.Testing;

namespace Mooring.Sync.Tests.Infrastructure;

/// <summary>
/// The sandbox on a loopback port, and an app embedding Mooring (SQLite or PostgreSQL) whose built-in providers point at
/// it, with the built-in sync models, the scheduler off (tests drive runs) and one fake clock shared by both sides.
/// </summary>
public sealed class SyncHost : IAsyncDisposable
{
    public const string ApiKey = "sync-test-management-key-0123456789abcdef";
    private readonly WebApplication _app;
    private readonly Func<Task> _cleanup;

    private SyncHost(WebApplication app, SandboxHost sandbox, FakeTimeProvider time, Func<Task> cleanup, Uri? address)
    {
        _app = app;
        Sandbox = sandbox;
        Time = time;
        _cleanup = cleanup;
        Client = address is null ? app.GetTestClient() : new HttpClient { BaseAddress = address };
        Client.DefaultRequestHeaders.Add("X-Mooring-Api-Key", ApiKey);
    }

    public SandboxHost Sandbox { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public ISyncManager Sync => Get<ISyncManager>();

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Delivers <paramref name="message"/> to <paramref name="path"/> signed as its provider would, as of the fake clock.</summary>
    public async Task<HttpResponseMessage> DeliverWebhookAsync(string path, WebhookScheme scheme, string secret, WebhookMessage message)
    {
        var signed = WebhookSigner.Sign(scheme, secret, message, Time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(message.Body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Processes every stored webhook event (the hosts run with no background workers).</summary>
    public async Task ProcessWebhooksAsync()
    {
        var processor = Get<WebhookProcessor>();
        while (await processor.ProcessBatchAsync("test", TestContext.Current.CancellationToken) > 0)
        {
        }
    }

    /// <summary>
    /// Starts the sandbox and the app; with <paramref name="listen"/> the app serves real HTTP on a loopback port, which is
    /// also its <c>PublicBaseUrl</c>, so that the sandbox can deliver to it (Google's push notifications).
    /// </summary>
    public static async Task<SyncHost> StartAsync(Action<SandboxOptions>? sandbox = null, bool postgres = false, Dictionary<string, string?>? settings = null, bool listen = false)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var options = new SandboxOptions { Seed = 7, TimeProvider = time };
        options.RateLimits.Enabled = false;
        sandbox?.Invoke(options);
        var emulators = await SandboxHost.StartAsync(options, cancellationToken: TestContext.Current.CancellationToken);

        var directory = Directory.CreateTempSubdirectory("mooring-sync-").FullName;
        var database = postgres ? await TestPostgres.CreateDatabaseAsync() : null;
        var builder = WebApplication.CreateSlimBuilder();
        var address = listen ? new Uri($"http://127.0.0.1:{FreePort()}/") : null;
        if (address is null)
        {
            builder.WebHost.UseTestServer();
        }
        else
        {
            builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, address.Port));
        }

        builder.Logging.ClearProviders();
        var config = new Dictionary<string, string?>
        {
            ["Mooring:Mode"] = "Production",
            ["Mooring:DataDirectory"] = directory,
            ["Mooring:StorageProvider"] = postgres ? "postgres" : "sqlite",
            ["Mooring:Storage:Postgres:ConnectionString"] = database,
            ["Mooring:Encryption:Keys:k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Mooring:ManagementApiKeys:0"] = ApiKey,
            ["Mooring:Connections:PublicBaseUrl"] = address?.AbsoluteUri.TrimEnd('/') ?? "http://mooring.test",
            ["Mooring:Connections:BackgroundRefreshInterval"] = "00:00:00",
            ["Mooring:Sync:BuiltIns"] = "true",
            // The sandbox's limits are off and the app's clock moves only by hand: pacing would wait for ever.
            ["Mooring:RateLimiting:Enabled"] = "false",
            // One attempt per call: the tests inject failures to see what the sync engine does with them, and the
            // pipeline's backoff would wait on the same hand-moved clock.
            ["Mooring:Outbound:MaxAttempts"] = "1",
            ["Mooring:Sync:SchedulerEnabled"] = "false",
            ["Mooring:Sync:ScheduleJitter"] = "00:00:00",
        };
        foreach (var provider in new[] { "stripe", "github", "slack", "google-calendar", "google-mail" })
        {
            var root = provider.StartsWith("google", StringComparison.Ordinal) ? "google" : provider;
            var suffix = provider switch { "google-calendar" => "calendar/v3/", "google-mail" => "gmail/v1/", "slack" => "api/", _ => string.Empty };
            config[$"Mooring:Providers:{provider}:apiBaseUrl"] = new Uri(emulators.AddressOf(root), suffix).AbsoluteUri;
        }

        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddMooring(builder.Configuration);
        var app = builder.Build();
        app.MapMooring();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new SyncHost(app, emulators, time, async () =>
        {
            if (database is not null)
            {
                await TestPostgres.DropDatabaseAsync(database);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }, address);
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>A Stripe connection with the sandbox's secret key.</summary>
    public Task<Connection> StripeAsync(string id = "stripe-1") =>
        Get<IConnectionManager>().CreateAsync(
            new CreateConnectionRequest { Provider = ProviderKey.Parse("stripe"), AuthMode = AuthMode.ApiKey, Id = ConnectionId.Parse(id), ApiKey = Sandbox.Control.Options.StripeApiKey },
            TestContext.Current.CancellationToken);

    /// <summary>An OAuth connection holding a token the sandbox issued directly.</summary>
    public Task<Connection> OAuthAsync(string provider, string id, Dictionary<string, string>? metadata = null, string? scope = null)
    {
        var sandboxProvider = provider.StartsWith("google", StringComparison.Ordinal) ? "google" : provider;
        var token = Sandbox.Control.IssueToken(sandboxProvider, scope ?? provider switch
        {
            "google-calendar" => "https://www.googleapis.com/auth/calendar.readonly",
            "google-mail" => "https://www.googleapis.com/auth/gmail.readonly",
            "github" => "repo",
            _ => "channels:read",
        });
        var now = Time.GetUtcNow();
        return Get<IConnectionVault>().CreateAsync(
            new Connection
            {
                Id = ConnectionId.Parse(id),
                Provider = ProviderKey.Parse(provider),
                AuthMode = AuthMode.OAuth2,
                Status = ConnectionStatus.Active,
                Scopes = [],
                Metadata = metadata ?? [],
                CreatedAt = now,
                UpdatedAt = now,
            },
            new ConnectionCredentials { AccessToken = token.AccessToken, RefreshToken = token.RefreshToken, TokenType = "Bearer" },
            TestContext.Current.CancellationToken);
    }

    public Task<SyncRunRecord?> RunAsync(Connection connection, string model, SyncRunKind kind = SyncRunKind.Incremental, bool force = false) =>
        Sync.RunAsync(connection.Id, model, new SyncRunRequest(kind, force), TestContext.Current.CancellationToken);

    /// <summary>Every live record in the store, by id, read through the change feed.</summary>
    public async Task<Dictionary<string, string>> LocalAsync(Connection connection, string model)
    {
        var reader = Get<IRecordReader>();
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        string? cursor = null;
        RecordChanges page;
        do
        {
            page = await reader.ReadChangesAsync(connection.Id, model, cursor, 500, TestContext.Current.CancellationToken);
            foreach (var r in page.Records)
            {
                if (r.Deleted)
                {
                    all.Remove(r.RemoteId);
                }
                else
                {
                    all[r.RemoteId] = r.Data;
                }
            }

            cursor = page.NextCursor;
        }
        while (page.HasMore);

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await Sandbox.DisposeAsync();
        await _cleanup();
    }
}
