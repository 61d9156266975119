using System.Text.Json;
using Mooring.Connections;
using Mooring.Providers;
using Mooring.Storage;

namespace Mooring.Webhooks;

/// <summary>
/// Reads a verified delivery into the event to store, driven by the provider's <see cref="WebhookSettings"/>: the event id
/// (the de-duplication key), type and account from the body or headers, and the few headers worth keeping (never a
/// signature, token or authorization header).
/// </summary>
internal sealed class WebhookEventReader
{
    private readonly ProviderKey _provider;
    private readonly WebhookSettings _settings;
    private readonly bool _needsJson;
    private readonly string[] _keptHeaders;

    public WebhookEventReader(ProviderKey provider, WebhookSettings settings)
    {
        _provider = provider;
        _settings = settings;
        _needsJson = settings.Scheme == WebhookSignatureScheme.SlackV0 ||
            new[] { settings.EventId, settings.EventType, settings.AccountReference }.Any(WebhookLocation.IsPointer);
        var secretHeaders = new[] { settings.SignatureHeader, "Authorization" };
        _keptHeaders = [.. new[] { "Content-Type", settings.TimestampHeader }
            .Concat(new[] { settings.EventId, settings.EventType, settings.AccountReference }.Select(WebhookLocation.HeaderName))
            .Append(settings.Scheme == WebhookSignatureScheme.StandardWebhooks ? WebhookVerifierFactory.StandardWebhooksIdHeader(settings) : null)
            .Append(settings.Scheme == WebhookSignatureScheme.GoogleChannelToken ? WebhookVerifierFactory.GoogleChannelHeader(settings) : null)
            .OfType<string>()
            .Where(h => !secretHeaders.Contains(h, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public WebhookReadResult Read(in WebhookRequest request, DateTimeOffset receivedAt, ConnectionId? connection, string? account)
    {
        JsonDocument? document = null;
        try
        {
            if (_needsJson && !TryParse(request.Body, out document) && !OnlyHeaders())
            {
                // Slack's interactivity and slash commands, and GitHub's "form" content type, are signed like its JSON events.
                return WebhookReadResult.Refused(IsFormEncoded(request) ? WebhookRejection.UnsupportedContentType : WebhookRejection.MalformedBody);
            }

            var root = document?.RootElement;
            if (root is { } json && SlackUrlVerification.Challenge(_settings, json) is { } challenge)
            {
                return WebhookReadResult.Answered(challenge);
            }

            var eventType = WebhookLocation.Read(_settings.EventType, request, root);
            if (GoogleChannelSync.Handshake(_settings, eventType) is { } sync)
            {
                return WebhookReadResult.Answered(sync);
            }

            var eventId = WebhookLocation.Read(_settings.EventId, request, root);
            if (string.IsNullOrEmpty(eventId) || eventId.Length > 512)
            {
                return WebhookReadResult.Refused(WebhookRejection.MissingEventId);
            }

            if (_settings.Scheme == WebhookSignatureScheme.GoogleChannelToken)
            {
                // X-Goog-Message-Number is unique within a channel only.
                eventId = $"{request.Header(WebhookVerifierFactory.GoogleChannelHeader(_settings))}:{eventId}";
            }

            return WebhookReadResult.Stored(new WebhookEventRecord
            {
                Provider = _provider,
                EventId = eventId,
                EventType = Truncate(eventType),
                AccountRef = account ?? Truncate(WebhookLocation.Read(_settings.AccountReference, request, root)),
                ConnectionId = connection,
                ReceivedAt = receivedAt,
                Headers = KeptHeaders(request),
                Body = request.Body.ToArray(),
            });
        }
        finally
        {
            document?.Dispose();
        }
    }

    private bool OnlyHeaders() =>
        !WebhookLocation.IsPointer(_settings.EventId) && !WebhookLocation.IsPointer(_settings.EventType) && !WebhookLocation.IsPointer(_settings.AccountReference);

    private static bool IsFormEncoded(in WebhookRequest request) =>
        request.Header("Content-Type") is { } type && type.AsSpan().TrimStart().StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private Dictionary<string, string> KeptHeaders(in WebhookRequest request)
    {
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in _keptHeaders)
        {
            if (request.Header(name) is { } value)
            {
                kept[name] = value;
            }
        }

        return kept;
    }

    private static bool TryParse(ReadOnlyMemory<byte> body, out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            document = null;
            return false;
        }
    }

    private static string? Truncate(string? value) => value is { Length: > 256 } ? value[..256] : value;
}
