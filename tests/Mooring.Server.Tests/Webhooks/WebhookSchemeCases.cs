using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StandardWebhooks;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>
/// One signing scheme as a provider uses it over HTTP: the settings that configure it the documented way (built-in
/// definitions need only a secret; the others are defined under <c>Mooring:Providers</c>), a delivery signed as the
/// provider signs it (computed here, independently of Mooring) or forged, and what must be stored.
/// </summary>
internal sealed record WebhookSchemeCase(
    string Provider, string[] Settings, string EventId, string EventType, Func<long, bool, HttpRequestMessage> Request, Func<WebhookApp, Task>? Arrange = null)
{
    private const string Wrong = "an_attacker_guess_0123456789";

    public static readonly string StandardSecret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("standard-webhooks-secret-32-byte"));
    public const string ShopifySecret = "shopify_client_secret_0123456789";
    public const string GoogleToken = "google_channel_token_0123456789";
    public const string HmacSecret = "generic_hmac_secret_0123456789";

    public static TheoryData<string> Names => ["github", "standard-webhooks", "svix", "shopify", "google-calendar", "hmac", "slack"];

    /// <summary>The case; <c>Request(now, forged)</c> signs with the configured secret, or with a wrong one for a forgery.</summary>
    public static WebhookSchemeCase Get(string name) => name switch
    {
        "github" => new("github", [], "6f1d5e4a-0000-4000-8000-000000000001", "push", (_, forged) => Post(
            "/webhooks/github", """{"ref":"refs/heads/main","installation":{"id":42}}""", body => [
                ("X-Hub-Signature-256", "sha256=" + Hex(forged ? Wrong : TestSecrets.GitHub, body)),
                ("X-GitHub-Delivery", "6f1d5e4a-0000-4000-8000-000000000001"), ("X-GitHub-Event", "push")])),
        "standard-webhooks" => StandardWebhooks("webhook"),
        "svix" => StandardWebhooks("svix"),
        "shopify" => new("shopify", [.. Defined("shopify", "Shopify", "X-Shopify-Hmac-Sha256", null, "header:X-Shopify-Webhook-Id", "header:X-Shopify-Topic"),
            $"--Mooring:Webhooks:Providers:shopify:Secrets:0={ShopifySecret}"], "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", "orders/create", (_, forged) => Post(
            "/webhooks/shopify", """{"id":820982911946154508,"email":"jon@example.com"}""", body => [
                ("X-Shopify-Hmac-Sha256", Convert.ToBase64String(Mac(Encoding.UTF8.GetBytes(forged ? Wrong : ShopifySecret), body))),
                ("X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"), ("X-Shopify-Topic", "orders/create")])),
        // A channel known from configuration, without a token of its own: the provider's shared tokens (Secrets) verify it.
        "google-calendar" => new("google-calendar", [
            $"--Mooring:Webhooks:Providers:google-calendar:Secrets:0={GoogleToken}",
            "--Mooring:Webhooks:Providers:google-calendar:Channels:chan-1:ConnectionId=cal-1",
            "--Mooring:Webhooks:Providers:google-calendar:Channels:chan-1:Expiration=2100-01-01T00:00:00Z"], "chan-1:7", "exists", (_, forged) => Post(
            "/webhooks/google-calendar", string.Empty, _ => [
                ("X-Goog-Channel-Token", forged ? Wrong : GoogleToken), ("X-Goog-Channel-ID", "chan-1"), ("X-Goog-Message-Number", "7"),
                ("X-Goog-Resource-State", "exists"), ("X-Goog-Resource-ID", "res-1")]),
            app => WebhookConnectionSegmentTests.CreateConnectionAsync(app, "cal-1", "google-calendar")),
        "hmac" => new("hooky", [.. Defined("hooky", "Hmac", "X-Hooky-Signature", "X-Hooky-Timestamp", "/id", "/event"),
            $"--Mooring:Webhooks:Providers:hooky:Secrets:0={HmacSecret}", "--Mooring:Webhooks:Providers:hooky:Hmac:Prefix=sha256="], "hk_1", "thing.made", (now, forged) => Post(
            "/webhooks/hooky", """{"id":"hk_1","event":"thing.made"}""", body => [
                ("X-Hooky-Timestamp", Text(now)), ("X-Hooky-Signature", "sha256=" + Hex(forged ? Wrong : HmacSecret, $"{Text(now)}.{body}"))])),
        "slack" => new("slack", [], "Ev08MFMKH6", "app_mention", (now, forged) => Post(
            "/webhooks/slack",
            """{"token":"t","team_id":"T061EG9R6","api_app_id":"A0F7XDU93","event":{"type":"app_mention","text":"hi","ts":"1515449522.000016"},"type":"event_callback","event_id":"Ev08MFMKH6","event_time":1515449522}""",
            body => [("X-Slack-Request-Timestamp", Text(now)), ("X-Slack-Signature", "v0=" + Hex(forged ? Wrong : TestSecrets.Slack, $"v0:{Text(now)}:{body}"))])),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such scheme case."),
    };

    public HttpRequestMessage Signed(long now) => Request(now, false);

    public HttpRequestMessage Forged(long now) => Request(now, true);

    private static WebhookSchemeCase StandardWebhooks(string prefix)
    {
        var provider = prefix == "svix" ? "svixed" : "standard";
        return new(provider, [.. Defined(provider, "StandardWebhooks", $"{prefix}-signature", $"{prefix}-timestamp", $"header:{prefix}-id", "/type"),
            $"--Mooring:Webhooks:Providers:{provider}:Secrets:0={StandardSecret}"], "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", "user.created", (now, forged) => Post(
            $"/webhooks/{provider}", """{"type":"user.created","data":{"id":1}}""", body => [
                ($"{prefix}-id", "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"), ($"{prefix}-timestamp", Text(now)),
                ($"{prefix}-signature", new StandardWebhook(forged ? "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Wrong)) : StandardSecret)
                    .Sign("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", DateTimeOffset.FromUnixTimeSeconds(now), body))]));
    }

    /// <summary>A provider that is not built in, defined from configuration as docs/webhooks.md shows (an API key provider needs its <c>apiKey</c>).</summary>
    private static IEnumerable<string> Defined(string key, string scheme, string signatureHeader, string? timestampHeader, string eventId, string eventType)
    {
        var root = $"--Mooring:Providers:{key}";
        string[] settings = [$"{root}:displayName={key}", $"{root}:authModes:0=ApiKey", $"{root}:apiKey:format=Bearer {{key}}", $"{root}:apiBaseUrl=https://api.{key}.test/",
            $"{root}:webhooks:scheme={scheme}", $"{root}:webhooks:signatureHeader={signatureHeader}", $"{root}:webhooks:eventId={eventId}", $"{root}:webhooks:eventType={eventType}"];
        return timestampHeader is null ? settings : settings.Append($"{root}:webhooks:timestampHeader={timestampHeader}");
    }

    private static HttpRequestMessage Post(string path, string body, Func<string, (string Name, string Value)[]> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers(body))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static string Text(long now) => now.ToString(CultureInfo.InvariantCulture);

    private static byte[] Mac(byte[] key, string content) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(content));

    private static string Hex(string key, string content) => Convert.ToHexStringLower(Mac(Encoding.UTF8.GetBytes(key), content));
}
