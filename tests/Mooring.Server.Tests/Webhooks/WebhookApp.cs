using System.Data.Common;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Mooring.AspNetCore;
using Mooring.Storage;
using Npgsql;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>An app embedding Mooring the documented way (AddMooring, OnWebhook, MapMooring), on a loopback port, over real HTTP.</summary>
internal sealed class WebhookApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private string? _postgres;
    private string _dataDirectory = string.Empty;

    private WebhookApp(WebApplication app, FakeTimeProvider time)
    {
        _app = app;
        Time = time;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Http.DefaultRequestHeaders.Add("X-Mooring-Api-Key", TestData.ManagementKey);
    }

    public HttpClient Http { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public IWebhookEventStore Events => Services.GetRequiredService<IWebhookEventStore>();

    public static async Task<WebhookApp> StartAsync(Action<IMooringBuilder>? configure = null, params string[] settings)
    {
        var dataDirectory = TestData.NewDataDirectory();
        var args = TestData.Production(dataDirectory, new Dictionary<string, string> { ["k1"] = TestData.NewKey() })
            .Concat(TestSecrets.Settings).Append("--urls=http://127.0.0.1:0").Append("--Mooring:Webhooks:WakeDelay=00:00:00").Concat(settings).ToArray();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.Logging.ClearProviders();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        builder.Services.AddSingleton<TimeProvider>(time);
        var mooring = builder.Services.AddMooring(builder.Configuration);
        configure?.Invoke(mooring);
        var app = builder.Build();
        app.MapMooring();
        await app.StartAsync(TestContext.Current.CancellationToken);
        const string PostgresSetting = "--Mooring:Storage:Postgres:ConnectionString=";
        return new WebhookApp(app, time)
        {
            _dataDirectory = dataDirectory,
            _postgres = settings.FirstOrDefault(s => s.StartsWith(PostgresSetting, StringComparison.Ordinal))?[PostgresSetting.Length..],
        };
    }

    public long Now => Time.GetUtcNow().ToUnixTimeSeconds();

    public Task<HttpResponseMessage> PostStripeAsync(string body, string? signature = null, string path = "/webhooks/stripe")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature ?? TestSecrets.StripeHeader(body, Now));
        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PostSlackAsync(string body, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/slack") { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Add("X-Slack-Request-Timestamp", Now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", TestSecrets.SlackSignature(body, Now));
        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static string StripeEvent(string id, string type = "payment_intent.succeeded", string? account = null) =>
        account is null ? $$"""{"id":"{{id}}","object":"event","type":"{{type}}"}""" : $$"""{"id":"{{id}}","object":"event","type":"{{type}}","account":"{{account}}"}""";

    /// <summary>Waits (a few seconds at most) until the workers, which run on their own threads, have brought the store where the test expects.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = Environment.TickCount64 + (seconds * 1000);
        while (!await condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async Task<IReadOnlyList<WebhookEventRecord>> AllEventsAsync() =>
        await Events.ListAsync(new WebhookEventQuery { Limit = 1000 }, TestContext.Current.CancellationToken);

    /// <summary>A raw connection to the app's database, for reading what handlers wrote.</summary>
    public async Task<DbConnection> OpenDatabaseAsync()
    {
        DbConnection db = _postgres is null
            ? new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "mooring.db")}")
            : new NpgsqlConnection(_postgres);
        await db.OpenAsync(TestContext.Current.CancellationToken);
        return db;
    }

    /// <summary>Stops the app as a shutdown would (the server first, then the workers), keeping its services for inspection.</summary>
    public Task StopAsync() => _app.StopAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }

    public static MediaTypeHeaderValue Json => new("application/json");
}
