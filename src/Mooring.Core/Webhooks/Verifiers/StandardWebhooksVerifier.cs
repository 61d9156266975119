namespace Mooring.Webhooks.Verifiers;

/// <summary>
/// Standard Webhooks (and Svix, with <c>svix-</c> headers): <c>webhook-signature: v1,&lt;base64&gt; v1,&lt;base64&gt;</c>, each the
/// HMAC-SHA256 of <c>{webhook-id}.{webhook-timestamp}.{body}</c> under the base64-decoded <c>whsec_</c> secret; the timestamp
/// must be within the tolerance either way. As in the official libraries, entries of other versions and v1 entries that are not
/// base64 of a digest are skipped; the delivery is accepted when any v1 entry matches.
/// </summary>
internal sealed class StandardWebhooksVerifier(HmacKeys keys, string idHeader, string signatureHeader, string timestampHeader, TimeSpan tolerance) : IWebhookVerifier
{
    public WebhookRejection? Verify(in WebhookRequest request, DateTimeOffset now)
    {
        var id = request.Header(idHeader);
        if (string.IsNullOrEmpty(id))
        {
            return WebhookRejection.MissingId;
        }

        var timestamp = request.Header(timestampHeader);
        var header = request.Header(signatureHeader);
        if ((Signatures.Timestamp(timestamp, out var seconds) ?? Signatures.ListHeader(header)) is { } problem)
        {
            return problem;
        }

        // One slot more than the limit, so that a well-formed signature beyond it is noticed and refused.
        Span<byte> candidates = stackalloc byte[(WebhookConstants.MaxSignatures + 1) * keys.Size];
        var count = 0;
        var span = header.AsSpan();
        foreach (var range in span.Split(' '))
        {
            var part = span[range];
            if (!part.StartsWith("v1,") || !Signatures.TryBase64(part[3..], candidates.Slice(count * keys.Size, keys.Size)))
            {
                continue;
            }

            if (++count > WebhookConstants.MaxSignatures)
            {
                return WebhookRejection.MalformedSignature;
            }
        }

        if (count == 0)
        {
            return WebhookRejection.MalformedSignature;
        }

        if (!Signatures.IsFresh(seconds, now, tolerance))
        {
            return WebhookRejection.StaleTimestamp;
        }

        return keys.Matches($"{id}.{timestamp}.", request.Body.Span, candidates[..(count * keys.Size)]) ? null : WebhookRejection.SignatureMismatch;
    }
}
