using System.Net.Http.Headers;
using System.Text.Json;
using Mooring.Sandbox;

namespace Mooring.Sync.Tests.Infrastructure;

/// <summary>What the sandbox holds now, read straight from its API (not through Mooring), in the canonical form the store keeps.</summary>
public static class SandboxTruth
{
    public static async Task<Dictionary<string, string>> StripeAsync(SandboxHost sandbox, string path = "v1/customers")
    {
        using var http = Client(sandbox, "stripe", sandbox.Control.Options.StripeApiKey);
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            using var json = await GetAsync(http, $"{path}{separator}limit=100{(after is null ? string.Empty : "&starting_after=" + after)}");
            foreach (var item in json.RootElement.GetProperty("data").EnumerateArray())
            {
                after = item.GetProperty("id").GetString()!;
                all[after] = CanonicalJson.Write(item).Json;
            }

            if (!json.RootElement.GetProperty("has_more").GetBoolean())
            {
                return all;
            }
        }
    }

    public static async Task<Dictionary<string, string>> CalendarAsync(SandboxHost sandbox, string token)
    {
        using var http = Client(sandbox, "google", token);
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        string? page = null;
        do
        {
            using var json = await GetAsync(http, "calendar/v3/calendars/primary/events?maxResults=2500" + (page is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(page)));
            foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
            {
                all[item.GetProperty("id").GetString()!] = CanonicalJson.Write(item).Json;
            }

            page = json.RootElement.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
        }
        while (page is not null);

        return all;
    }

    public static async Task<Dictionary<string, string>> GmailAsync(SandboxHost sandbox, string token)
    {
        using var http = Client(sandbox, "google", token);
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        string? page = null;
        do
        {
            using var json = await GetAsync(http, "gmail/v1/users/me/messages?maxResults=500" + (page is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(page)));
            foreach (var item in json.RootElement.TryGetProperty("messages", out var m) ? m.EnumerateArray() : default)
            {
                var id = item.GetProperty("id").GetString()!;
                using var message = await GetAsync(http, $"gmail/v1/users/me/messages/{id}?format=metadata");
                all[id] = CanonicalJson.Write(message.RootElement).Json;
            }

            page = json.RootElement.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
        }
        while (page is not null);

        return all;
    }

    public static async Task<Dictionary<string, string>> GitHubAsync(SandboxHost sandbox, string token, string repository)
    {
        using var http = Client(sandbox, "github", token);
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            using var json = await GetAsync(http, $"repos/{repository}/issues?state=all&per_page=100&page={page}");
            if (json.RootElement.GetArrayLength() == 0)
            {
                return all;
            }

            foreach (var item in json.RootElement.EnumerateArray())
            {
                all[item.GetProperty("number").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)] = CanonicalJson.Write(item).Json;
            }
        }
    }

    private static HttpClient Client(SandboxHost sandbox, string provider, string token)
    {
        var http = new HttpClient { BaseAddress = sandbox.AddressOf(provider) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("mooring-tests");
        return http;
    }

    private static async Task<JsonDocument> GetAsync(HttpClient http, string uri)
    {
        using var response = await http.GetAsync(uri, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken);
    }
}
