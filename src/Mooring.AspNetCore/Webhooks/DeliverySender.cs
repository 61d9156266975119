using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// Sends one forwarding attempt, signed per Standard Webhooks (<c>webhook-id</c>, <c>webhook-timestamp</c>,
/// <c>webhook-signature</c>), and records it: 2xx delivered; 410 dead; anything else retried with exponential backoff
/// and jitter, or later when the app's <c>Retry-After</c> asks for longer (429 and 503 included); dead after the last attempt,
/// and dead without sending when leased once more after it (the process stopped during the last attempt).
/// </summary>
internal sealed class DeliverySender(
    IWebhookEventStore events,
    IWebhookDeliveryStore deliveries,
    IHttpClientFactory httpClients,
    WebhookWriteGate gate,
    WebhookMetrics metrics,
    IOptions<WebhookOptions> options,
    TimeProvider time)
{
    private readonly Lazy<byte[][]> _keys = new(() => [.. options.Value.Forwarding.Secrets.Select(s => WebhookSecrets.DecodeStandardWebhooksSecret(s)!)]);

    public async Task SendAsync(WebhookDeliveryRecord delivery, string owner, CancellationToken cancellationToken)
    {
        var settings = options.Value.Forwarding;
        var started = time.GetUtcNow();
        var stopwatch = time.GetTimestamp();
        var (status, error, retryAfter) = delivery.Attempts > settings.MaxAttempts
            ? (null, $"Abandoned, not sent: attempt {delivery.Attempts - 1} ended without an outcome (the process stopped during it), and all {settings.MaxAttempts} attempts (Forwarding:MaxAttempts) are used.", null)
            : await AttemptAsync(delivery, settings, cancellationToken).ConfigureAwait(false);
        var delivered = status is >= 200 and < 300;
        var attempt = new WebhookDeliveryAttempt
        {
            DeliveryId = delivery.Id, Attempt = delivery.Attempts, At = started, StatusCode = status, DurationMs = time.GetElapsedTime(stopwatch).TotalMilliseconds, Error = error,
        };
        var giveUp = !delivered && (status == (int)HttpStatusCode.Gone || delivery.Attempts >= settings.MaxAttempts || error == EventGone);
        DateTimeOffset? retryAt = delivered || giveUp ? null : started + RetryDelay(delivery.Attempts, settings, retryAfter);
        await gate.RunAsync(ct => deliveries.RecordAttemptAsync(delivery.Id, owner, attempt, delivered, retryAt, ct), cancellationToken).ConfigureAwait(false);
        metrics.Forwarded(delivered ? "delivered" : giveUp ? "dead" : "failed");
    }

    private const string EventGone = "The event no longer exists.";

    private async Task<(int? Status, string? Error, TimeSpan? RetryAfter)> AttemptAsync(WebhookDeliveryRecord delivery, WebhookForwardingOptions settings, CancellationToken cancellationToken)
    {
        if (await events.GetAsync(delivery.WebhookEventId, cancellationToken).ConfigureAwait(false) is not { } webhookEvent)
        {
            return (null, EventGone, null);
        }

        var body = ForwardedPayload.Create(webhookEvent);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", StandardWebhookSigner.Sign(_keys.Value, delivery.MessageId, timestamp, body));
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        using var activity = WebhookMetrics.ActivitySource.StartActivity("webhook forward", ActivityKind.Client);
        try
        {
            var client = httpClients.CreateClient(WebhookDefaults.ForwardingHttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", code);
            return (code, response.IsSuccessStatusCode ? null : $"HTTP {code} {response.ReasonPhrase}", RetryAfter(response.Headers.RetryAfter));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"No answer within {settings.Timeout.TotalSeconds:0.#} s.", null);
        }
        catch (HttpRequestException ex)
        {
            return (null, $"{ex.HttpRequestError}: {ex.Message}", null);
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);

    private static TimeSpan RetryDelay(int attempt, WebhookForwardingOptions settings, TimeSpan? retryAfter)
    {
        var backoff = RetryBackoff.Delay(attempt, settings.RetryBaseDelay, settings.RetryMaxDelay, Random.Shared);
        return retryAfter is { } asked && asked > backoff ? (asked < settings.RetryMaxDelay ? asked : settings.RetryMaxDelay) : backoff;
    }
}
