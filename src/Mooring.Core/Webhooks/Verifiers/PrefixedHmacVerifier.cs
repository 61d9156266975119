namespace Mooring.Webhooks.Verifiers;

/// <summary>How a signature header carries a body's HMAC.</summary>
internal enum SignatureEncoding
{
    /// <summary>Hexadecimal, either case.</summary>
    Hex,

    /// <summary>Standard base64.</summary>
    Base64,
}

/// <summary>
/// One HMAC of the body (optionally preceded by <c>{timestamp}.</c>) in one header, with an optional prefix: GitHub
/// (<c>X-Hub-Signature-256: sha256=</c>hex), Shopify (<c>X-Shopify-Hmac-Sha256</c>, base64), and the configurable generic scheme.
/// </summary>
internal sealed class PrefixedHmacVerifier(HmacKeys keys, string signatureHeader, string prefix, SignatureEncoding encoding, string? timestampHeader, TimeSpan tolerance)
    : IWebhookVerifier
{
    public WebhookRejection? Verify(in WebhookRequest request, DateTimeOffset now)
    {
        var signedPrefix = string.Empty;
        if (timestampHeader is not null)
        {
            var timestamp = request.Header(timestampHeader);
            if (Signatures.Timestamp(timestamp, out var seconds) is { } problem)
            {
                return problem;
            }

            if (!Signatures.IsFresh(seconds, now, tolerance))
            {
                return WebhookRejection.StaleTimestamp;
            }

            signedPrefix = timestamp + ".";
        }

        var signature = request.Header(signatureHeader);
        if (string.IsNullOrEmpty(signature))
        {
            return WebhookRejection.MissingSignature;
        }

        Span<byte> candidate = stackalloc byte[keys.Size];
        if (!signature.StartsWith(prefix, StringComparison.Ordinal) || !Decode(signature.AsSpan(prefix.Length), candidate))
        {
            return WebhookRejection.MalformedSignature;
        }

        return keys.Matches(signedPrefix, request.Body.Span, candidate) ? null : WebhookRejection.SignatureMismatch;
    }

    private bool Decode(ReadOnlySpan<char> text, Span<byte> destination) =>
        encoding == SignatureEncoding.Hex ? Signatures.TryHex(text, destination) : Signatures.TryBase64(text, destination);
}
