using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mooring.Connections;

namespace Mooring.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A browser, step by step: opens a connect link on the Mooring host (keeping its cookie), follows the redirect to the
/// identity provider over the network, and stops at the redirect back, so a test can deliver, alter or replay it.
/// </summary>
public sealed class Browser(MooringTestHost mooring) : IDisposable
{
    private readonly HttpClient _network = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    /// <summary>The connect cookie this browser holds, as a Cookie header value.</summary>
    public string? Cookie { get; set; }

    public static async Task<string> CreateLinkAsync(MooringTestHost mooring, string? connectionId = null, string endUser = "user-1", string provider = "idp")
    {
        var response = await mooring.Client.PostAsJsonAsync("/api/connect-links", new { provider, connectionId, endUserRef = endUser });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("url").GetString()!;
    }

    /// <summary>Opens a connect link; returns the provider's authorization URL it redirected to.</summary>
    public async Task<Uri> OpenLinkAsync(string link)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(link).PathAndQuery);
        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", Cookie);
        }

        using var response = await mooring.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            Cookie = cookies.Single().Split(';')[0];
        }

        return response.Headers.Location!;
    }

    /// <summary>Visits the authorization URL at the provider (consent is automatic); returns where it redirects.</summary>
    public async Task<HttpResponseMessage> AuthorizeAsync(Uri authorizationUrl) => await _network.GetAsync(authorizationUrl);

    /// <summary>Connect link → provider → the callback URL the provider sends back (not yet delivered).</summary>
    public async Task<Uri> GetCallbackAsync(string? connectionId = null, string provider = "idp")
    {
        var authorize = await OpenLinkAsync(await CreateLinkAsync(mooring, connectionId, provider: provider));
        using var response = await AuthorizeAsync(authorize);
        response.StatusCode.ShouldBe(HttpStatusCode.Found, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!;
    }

    /// <summary>Delivers a callback to Mooring with this browser's cookie.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(Uri callback, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, callback.PathAndQuery);
        if ((cookie ?? Cookie) is { } value)
        {
            request.Headers.Add("Cookie", value);
        }

        return await mooring.Client.SendAsync(request);
    }

    /// <summary>The whole flow; returns the connection it stored.</summary>
    public async Task<Connection> ConnectAsync(string? connectionId = null, string provider = "idp")
    {
        using var response = await DeliverAsync(await GetCallbackAsync(connectionId, provider));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var id = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query)["connection_id"]!;
        return (await mooring.Get<IConnectionManager>().GetAsync(ConnectionId.Parse(id), CancellationToken.None)).ShouldNotBeNull();
    }

    public void Dispose() => _network.Dispose();
}
