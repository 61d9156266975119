using System.Security.Cryptography;
using Mooring.Providers;
using Mooring.Webhooks.Verifiers;

namespace Mooring.Webhooks;

/// <summary>Builds the verifier a provider's <see cref="WebhookSettings"/> call for, over its validated secrets.</summary>
internal static class WebhookVerifierFactory
{
    public static IWebhookVerifier Create(WebhookSettings settings, IReadOnlyList<string> secrets, HmacSchemeSettings? hmac = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var scheme = settings.Scheme;
        var signature = settings.SignatureHeader ?? throw new InvalidOperationException("A webhook scheme needs a signature header.");
        HmacKeys Keys(HashAlgorithmName algorithm) => new([.. secrets.Select(s => WebhookSecrets.ToKey(scheme, s))], algorithm);
        return scheme switch
        {
            WebhookSignatureScheme.Stripe => new StripeVerifier(Keys(HashAlgorithmName.SHA256), signature, settings.Tolerance),
            WebhookSignatureScheme.SlackV0 => new SlackVerifier(Keys(HashAlgorithmName.SHA256), signature, settings.TimestampHeader!, settings.Tolerance),
            WebhookSignatureScheme.GitHubSha256 => new PrefixedHmacVerifier(Keys(HashAlgorithmName.SHA256), signature, "sha256=", SignatureEncoding.Hex, null, settings.Tolerance),
            WebhookSignatureScheme.Shopify => new PrefixedHmacVerifier(Keys(HashAlgorithmName.SHA256), signature, string.Empty, SignatureEncoding.Base64, null, settings.Tolerance),
            WebhookSignatureScheme.StandardWebhooks =>
                new StandardWebhooksVerifier(Keys(HashAlgorithmName.SHA256), StandardWebhooksIdHeader(settings), signature, settings.TimestampHeader!, settings.Tolerance),
            WebhookSignatureScheme.GoogleChannelToken => new GoogleChannelVerifier(secrets, signature, GoogleChannelHeader(settings)),
            WebhookSignatureScheme.Hmac => CreateHmac(settings, hmac ?? HmacSchemeSettings.Default, Keys),
            _ => throw new NotSupportedException($"The webhook scheme {scheme} is not supported."),
        };
    }

    /// <summary>The header with the message id that Standard Webhooks signs: the event id's header, else <c>webhook-id</c> beside <c>webhook-signature</c>.</summary>
    public static string StandardWebhooksIdHeader(WebhookSettings settings) =>
        WebhookLocation.HeaderName(settings.EventId)
        ?? (settings.SignatureHeader!.EndsWith("-signature", StringComparison.OrdinalIgnoreCase) ? settings.SignatureHeader[..^"signature".Length] + "id" : "webhook-id");

    public static string GoogleChannelHeader(WebhookSettings settings) =>
        WebhookLocation.HeaderName(settings.AccountReference) ?? "X-Goog-Channel-ID";

    private static PrefixedHmacVerifier CreateHmac(WebhookSettings settings, HmacSchemeSettings hmac, Func<HashAlgorithmName, HmacKeys> keys) =>
        new(keys(hmac.Algorithm), settings.SignatureHeader!, hmac.Prefix, hmac.Encoding, settings.TimestampHeader, settings.Tolerance);
}
