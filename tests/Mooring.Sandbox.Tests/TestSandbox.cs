using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace Mooring.Sandbox.Tests;

/// <summary>A sandbox on loopback with a fake clock and a plain HttpClient that does not follow redirects.</summary>
internal sealed class TestSandbox : IAsyncDisposable
{
    private TestSandbox(SandboxHost host, FakeTimeProvider time)
    {
        Host = host;
        Time = time;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
    }

    public SandboxHost Host { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    public SandboxControl Control => Host.Control;

    public static async Task<TestSandbox> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var options = new SandboxOptions { TimeProvider = time, Seed = 42 };
        configure?.Invoke(options);
        return new TestSandbox(await SandboxHost.StartAsync(options, cancellationToken: TestContext.Current.CancellationToken), time);
    }

    /// <summary>Runs the authorize step and returns the redirect's query (code or error).</summary>
    public async Task<Dictionary<string, string>> AuthorizeAsync(string path, Dictionary<string, string?> query)
    {
        using var response = await Http.GetAsync(QueryHelpers.AddQueryString(path, query), TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(302, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var location = response.Headers.Location!;
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> form, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Sends a request with an optional bearer token (and, for GitHub's conditional requests, If-None-Match).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, HttpContent? content = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>GETs JSON with a bearer token, asserting 200.</summary>
    public async Task<System.Text.Json.Nodes.JsonObject> GetJsonAsync(string path, string bearer)
    {
        using var response = await SendAsync(HttpMethod.Get, path, bearer);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(200, text);
        return System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
    }

    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
