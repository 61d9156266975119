namespace Mooring.Webhooks.Verifiers;

/// <summary>
/// Stripe: <c>Stripe-Signature: t=1492774577,v1=5257a8…,v1=…</c>; each v1 is hex HMAC-SHA256 of <c>{t}.{body}</c> under the
/// endpoint secret (<c>whsec_…</c>, used as-is). Several v1 values appear while Stripe rolls a secret. Parsed as leniently as
/// Stripe's own libraries: the header is split on ',' and each part on its first '='; parts without '=', other schemes (v0),
/// unknown keys and v1 values that are not 64 hex characters are skipped. The first usable <c>t</c> counts.
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

        // One slot more than the limit, so that a well-formed signature beyond it is noticed and refused.
        Span<byte> candidates = stackalloc byte[(WebhookConstants.MaxSignatures + 1) * keys.Size];
        var count = 0;
        ReadOnlySpan<char> timestamp = default;
        long seconds = 0;
        var sawTimestamp = false;
        var span = header.AsSpan();
        foreach (var range in span.Split(','))
        {
            var part = span[range].Trim();
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var name = part[..equals];
            var value = part[(equals + 1)..];
            if (name.SequenceEqual("t"))
            {
                sawTimestamp = true;
                if (timestamp.IsEmpty && Signatures.TryParseUnixSeconds(value, out seconds))
                {
                    timestamp = value;
                }
            }
            else if (name.SequenceEqual("v1") && Signatures.TryHex(value, candidates.Slice(count * keys.Size, keys.Size)))
            {
                if (++count > WebhookConstants.MaxSignatures)
                {
                    return WebhookRejection.MalformedSignature;
                }
            }
        }

        if (timestamp.IsEmpty)
        {
            return sawTimestamp ? WebhookRejection.MalformedTimestamp : WebhookRejection.MissingTimestamp;
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
