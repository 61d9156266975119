using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Connections;
using Mooring.Server.Hosting;

namespace Mooring.Server.Tests;

/// <summary>The real server on a loopback port, over real HTTP.</summary>
public sealed class ServeTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _http;

    private WebApplication App => _app!;

    private HttpClient Http => _http!;

    public async ValueTask InitializeAsync()
    {
        var args = TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = TestData.NewKey() }).Append("--urls=http://127.0.0.1:0").ToArray();
        _app = ServerHost.BuildWebApp(args);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Health_WithMigratedStore_IsHealthy()
    {
        var response = await Http.GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("status").GetString().ShouldBe("healthy");
        body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("mk_test_wrong_key_0123456789abcdef0123456789")]
    public async Task ManagementApi_WithoutTheKey_Is401WithAReason(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/connections");
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("API key");
    }

    [Fact]
    public async Task ManagementApi_ListAndGetConnections_ShowNoSecrets()
    {
        var ct = TestContext.Current.CancellationToken;
        await App.Services.GetRequiredService<IConnectionVault>().CreateAsync(
            new Connection { Id = ConnectionId.Parse("conn-1"), Provider = ProviderKey.Parse("slack"), AuthMode = AuthMode.OAuth2, EndUserRef = "user-42" },
            new ConnectionCredentials { AccessToken = "xoxb-secret-token", RefreshToken = "xoxe-refresh" },
            ct);
        Http.DefaultRequestHeaders.Add("X-Mooring-Api-Key", TestData.ManagementKey);

        var list = await Http.GetStringAsync("/api/connections?endUser=user-42", ct);
        var one = await Http.GetStringAsync("/api/connections/conn-1", ct);
        var missing = await Http.GetAsync("/api/connections/nope", ct);
        var bad = await Http.GetAsync("/api/connections?limit=0", ct);

        list.ShouldContain("\"id\":\"conn-1\"");
        list.ShouldContain("\"authMode\":\"oauth2\"");
        one.ShouldContain("\"endUserRef\":\"user-42\"");
        (list + one).ShouldNotContain("xoxb-secret-token");
        (list + one).ShouldNotContain("xoxe-refresh");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync(ct)).ShouldContain("limit: 0 is out of range");
    }

    [Fact]
    public async Task ManagementApi_Status_ReportsModeStoreAndKeyIds()
    {
        Http.DefaultRequestHeaders.Add("X-Mooring-Api-Key", TestData.ManagementKey);

        var status = await Http.GetFromJsonAsync<JsonElement>("/api/status", TestContext.Current.CancellationToken);

        status.GetProperty("mode").GetString().ShouldBe("production");
        status.GetProperty("store").GetProperty("provider").GetString().ShouldBe("sqlite");
        status.GetProperty("store").GetProperty("schemaVersion").GetInt32().ShouldBe(App.Services.GetRequiredService<Mooring.Storage.IStoreMigrator>().LatestVersion);
        status.GetProperty("encryption").GetProperty("activeKeyId").GetString().ShouldBe("k1");
    }
}
