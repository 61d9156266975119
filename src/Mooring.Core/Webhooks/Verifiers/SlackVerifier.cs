namespace Mooring.Webhooks.Verifiers;

/// <summary>
/// Slack: <c>X-Slack-Signature: v0=</c> hex HMAC-SHA256 of <c>v0:{X-Slack-Request-Timestamp}:{body}</c> under the signing
/// secret; requests more than five minutes from now (either way) are refused, as Slack asks.
/// </summary>
internal sealed class SlackVerifier(HmacKeys keys, string signatureHeader, string timestampHeader, TimeSpan tolerance) : IWebhookVerifier
{
    public WebhookRejection? Verify(in WebhookRequest request, DateTimeOffset now)
    {
        var timestamp = request.Header(timestampHeader);
        if (Signatures.Timestamp(timestamp, out var seconds) is { } problem)
        {
            return problem;
        }

        var signature = request.Header(signatureHeader);
        if (string.IsNullOrEmpty(signature))
        {
            return WebhookRejection.MissingSignature;
        }

        Span<byte> candidate = stackalloc byte[keys.Size];
        if (!signature.StartsWith("v0=", StringComparison.Ordinal) || !Signatures.TryHex(signature.AsSpan(3), candidate))
        {
            return WebhookRejection.MalformedSignature;
        }

        if (!Signatures.IsFresh(seconds, now, tolerance))
        {
            return WebhookRejection.StaleTimestamp;
        }

        return keys.Matches($"v0:{timestamp}:", request.Body.Span, candidate) ? null : WebhookRejection.SignatureMismatch;
    }
}
