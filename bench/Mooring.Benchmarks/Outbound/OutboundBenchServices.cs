using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Providers;
using Mooring.Storage;

namespace Mooring.Benchmarks.Outbound;

/// <summary>
/// Mooring's outbound services for the outbound benchmarks: an <c>upstream</c> provider at a given address, an API-key
/// connection in SQLite, the request log on or off (and <c>MOORING_BENCH_</c> environment variables over the settings,
/// for ablations: <c>MOORING_BENCH_Mooring__RateLimiting__Enabled=false</c>).
/// </summary>
internal sealed class OutboundBenchServices
{
    public const string ApiKey = "sk_bench_0123456789abcdef";

    private readonly ServiceProvider _services;
    private readonly string _directory;

    private OutboundBenchServices(ServiceProvider services, string directory, HttpClient client)
    {
        _services = services;
        _directory = directory;
        Client = client;
    }

    /// <summary>A client of the connection, through the whole pipeline.</summary>
    public HttpClient Client { get; }

    public static Task<OutboundBenchServices> StartAsync(Uri baseUrl, bool requestLog, Action<IServiceCollection>? configure = null) =>
        StartAsync(requestLog, configure, "upstream", ApiKey, new()
        {
            ["Mooring:Providers:upstream:displayName"] = "Upstream",
            ["Mooring:Providers:upstream:apiBaseUrl"] = baseUrl.AbsoluteUri,
            ["Mooring:Providers:upstream:authModes:0"] = "ApiKey",
            ["Mooring:Providers:upstream:apiKey:location"] = "Header",
            ["Mooring:Providers:upstream:apiKey:name"] = "Authorization",
            ["Mooring:Providers:upstream:apiKey:format"] = "Bearer {key}",
        });

    /// <summary>An API-key connection of a built-in provider whose API is served at <paramref name="baseUrl"/> (the sandbox).</summary>
    public static Task<OutboundBenchServices> StartBuiltInAsync(string provider, Uri baseUrl, string apiKey, bool requestLog, Action<IServiceCollection>? configure = null) =>
        StartAsync(requestLog, configure, provider, apiKey, new() { [$"Mooring:Providers:{provider}:apiBaseUrl"] = baseUrl.AbsoluteUri });

    private static async Task<OutboundBenchServices> StartAsync(
        bool requestLog, Action<IServiceCollection>? configure, string providerKey, string apiKey, Dictionary<string, string?> settings)
    {
        var directory = Directory.CreateTempSubdirectory("mooring-bench-outbound-").FullName;
        settings["Mooring:Outbound:RequestLog:Enabled"] = requestLog ? "true" : "false";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).AddEnvironmentVariables("MOORING_BENCH_").Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddMooringCore(o => o.Keys["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        services.AddMooringProviderCatalog(configuration);
        services.AddMooringConnections(configuration);
        services.AddMooringSqliteStore(o => o.Path = Path.Combine(directory, "bench.db"));
        services.AddMooringOutbound(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None); // the request log writer
        }

        var id = ConnectionId.Parse($"bench-{providerKey}");
        await provider.GetRequiredService<IConnectionVault>().CreateAsync(
            new Connection { Id = id, Provider = ProviderKey.Parse(providerKey), AuthMode = AuthMode.ApiKey },
            new ConnectionCredentials { ApiKey = apiKey },
            CancellationToken.None);
        var client = await provider.GetRequiredService<IProviderHttpClientFactory>().CreateClientAsync(id, CallPriority.Interactive, CancellationToken.None);
        return new OutboundBenchServices(provider, directory, client);
    }

    public void Stop()
    {
        Client.Dispose();
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            hosted.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
