using Mooring.Webhooks;
using Mooring.Webhooks.Verifiers;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>Reads <see cref="WebhookHmacOptions"/> into the verifier's settings.</summary>
internal static class WebhookHmac
{
    public static (HmacSchemeSettings? Settings, string? Error) Read(WebhookHmacOptions options)
    {
        if (!HmacSchemeSettings.TryAlgorithm(options.Algorithm, out var algorithm))
        {
            return (null, $"Algorithm '{options.Algorithm}' is not one of sha1, sha256, sha512.");
        }

        if (!Enum.TryParse<SignatureEncoding>(options.Encoding, ignoreCase: true, out var encoding) || !Enum.IsDefined(encoding))
        {
            return (null, $"Encoding '{options.Encoding}' is not one of hex, base64.");
        }

        return (new HmacSchemeSettings(algorithm, encoding, options.Prefix ?? string.Empty), null);
    }
}
