using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Mooring.Connections;

namespace Mooring.AspNetCore.Tests.Infrastructure;

/// <summary>
/// An app that embeds Mooring (AddMooring/MapMooring) on a test server at http://mooring.test, configured with the test
/// identity provider as provider <c>idp</c>, a FakeTimeProvider, and every log line captured.
/// </summary>
public sealed class MooringTestHost : IAsyncDisposable
{
    public const string BaseUrl = "http://mooring.test";
    public const string CallbackUrl = BaseUrl + "/connect/callback";
    public const string ApiKey = "test-management-key-0123456789abcdef0123";
    private readonly WebApplication _app;
    private readonly string? _directory;

    private readonly ConcurrentQueue<ConnectionEvent> _events;

    private MooringTestHost(WebApplication app, string? directory, ConcurrentQueue<ConnectionEvent> events)
    {
        _app = app;
        _directory = directory;
        _events = events;
        Client = app.GetTestClient();
        Client.DefaultRequestHeaders.Add("X-Mooring-Api-Key", ApiKey);
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public FakeTimeProvider Time => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    public IReadOnlyList<ConnectionEvent> RaisedEvents => [.. _events];

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<MooringTestHost> StartAsync(
        TestIdentityProvider idp, string? postgres = null, string? encryptionKey = null, Dictionary<string, string?>? settings = null)
    {
        var directory = postgres is null ? Directory.CreateTempSubdirectory("mooring-host-").FullName : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
        var config = new Dictionary<string, string?>
        {
            ["Mooring:Mode"] = "Production",
            ["Mooring:DataDirectory"] = directory ?? Path.GetTempPath(),
            ["Mooring:StorageProvider"] = postgres is null ? "sqlite" : "postgres",
            ["Mooring:Storage:Postgres:ConnectionString"] = postgres,
            ["Mooring:Encryption:Keys:k1"] = encryptionKey ?? NewKey(),
            ["Mooring:ManagementApiKeys:0"] = ApiKey,
            ["Mooring:Providers:idp:basedOn"] = "oauth2",
            ["Mooring:Providers:idp:displayName"] = "Test IdP",
            ["Mooring:Providers:idp:oauth2:issuer"] = idp.Issuer.AbsoluteUri,
            ["Mooring:Providers:idp:oauth2:defaultScopes:0"] = "offline_access",
            ["Mooring:Providers:idp:oauth2:defaultScopes:1"] = "api",
            ["Mooring:OAuth:Clients:idp:ClientId"] = TestIdentityProvider.ClientId,
            ["Mooring:OAuth:Clients:idp:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["Mooring:Connections:PublicBaseUrl"] = BaseUrl,
            ["Mooring:Connections:SuccessUrl"] = "http://app.test/connected",
            ["Mooring:Connections:TokenRequestRetryDelay"] = "00:00:00",
            ["Mooring:Connections:BackgroundRefreshInterval"] = "00:00:00", // tests drive RunOnceAsync themselves
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)));
        builder.Services.AddMooring(builder.Configuration);
        var events = new ConcurrentQueue<ConnectionEvent>();
        builder.Services.AddSingleton<IConnectionEventHandler>(new RecordingHandler(events));

        var app = builder.Build();
        app.MapMooring();
        await app.StartAsync();
        return new MooringTestHost(app, directory, events);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed class RecordingHandler(ConcurrentQueue<ConnectionEvent> events) : IConnectionEventHandler
    {
        public Task HandleAsync(ConnectionEvent connectionEvent, CancellationToken cancellationToken)
        {
            events.Enqueue(connectionEvent);
            return Task.CompletedTask;
        }
    }
}
