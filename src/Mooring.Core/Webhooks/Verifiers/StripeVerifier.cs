namespace Mooring.Webhooks.Verifiers;

/// <summary>
/// Stripe: <c>Stripe-Signature: t=1492774577,v1=5257a8…,v1=…</c>; each v1 is hex HMAC-SHA256 of <c>{t}.{body}</c> under the
/// endpoint secret (<c>whsec_…</c>, used as-is). Several v1 values appear while Stripe rolls a secret; other schemes (v0) are ignored.
/// </summary>
internal sealed class StripeVerifier(HmacKeys keys, string signatureHeader, TimeSpan tolerance) : IWebhookVerifier
{
    public WebhookRejection? Verify(in WebhookRequest request, DateTimeOffset now)
    {
        var header = request.Header(signatureHeader);
        if (Signatures.ListHeader(header) is { } headerProblem)
        {
            return headerProblem;
        }

        Span<byte> candidates = stackalloc byte[WebhookConstants.MaxSignatures * keys.Size];
        var count = 0;
        ReadOnlySpan<char> timestamp = default;
        var span = header.AsSpan();
        foreach (var range in span.Split(','))
        {
            var part = span[range].Trim();
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                return WebhookRejection.MalformedSignature;
            }

            var name = part[..equals];
            var value = part[(equals + 1)..];
            if (name.SequenceEqual("t"))
            {
                if (!timestamp.IsEmpty)
                {
                    return WebhookRejection.MalformedSignature;
                }

                timestamp = value;
            }
            else if (name.SequenceEqual("v1"))
            {
                if (count == WebhookConstants.MaxSignatures || !Signatures.TryHex(value, candidates.Slice(count * keys.Size, keys.Size)))
                {
                    return WebhookRejection.MalformedSignature;
                }

                count++;
            }
        }

        if (timestamp.IsEmpty)
        {
            return WebhookRejection.MissingTimestamp;
        }

        if (!Signatures.TryParseUnixSeconds(timestamp, out var seconds))
        {
            return WebhookRejection.MalformedTimestamp;
        }

        if (count == 0)
        {
            return WebhookRejection.MalformedSignature;
        }

        if (!Signatures.IsFresh(seconds, now, tolerance))
        {
            return WebhookRejection.StaleTimestamp;
        }

        return keys.Matches(string.Concat(timestamp, "."), request.Body.Span, candidates[..(count * keys.Size)]) ? null : WebhookRejection.SignatureMismatch;
    }
}
