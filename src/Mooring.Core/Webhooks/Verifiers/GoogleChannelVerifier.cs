using System.Security.Cryptography;
using System.Text;

namespace Mooring.Webhooks.Verifiers;

/// <summary>
/// Google push channels (Calendar, Drive): the token set when the channel was created comes back in
/// <c>X-Goog-Channel-Token</c>, and <c>X-Goog-Channel-ID</c> names the channel. The token is compared as SHA-256 digests, in
/// constant time, so that neither its content nor its length leaks.
/// </summary>
internal sealed class GoogleChannelVerifier(IReadOnlyList<string> tokens, string tokenHeader, string channelHeader) : IWebhookVerifier
{
    private readonly byte[][] _digests = [.. tokens.Select(t => SHA256.HashData(Encoding.UTF8.GetBytes(t)))];

    public WebhookRejection? Verify(in WebhookRequest request, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(request.Header(channelHeader)))
        {
            return WebhookRejection.MissingChannel;
        }

        var token = request.Header(tokenHeader);
        if (string.IsNullOrEmpty(token))
        {
            return WebhookRejection.MissingSignature;
        }

        if (token.Length > WebhookConstants.MaxSignatureHeaderLength)
        {
            return WebhookRejection.MalformedSignature;
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), digest);
        var matched = false;
        foreach (var expected in _digests)
        {
            matched |= Signatures.Equal(digest, expected);
        }

        return matched ? null : WebhookRejection.SignatureMismatch;
    }
}
