using System.Security.Cryptography;
using System.Text;

namespace Mooring.Webhooks.Verifiers;

/// <summary>
/// Google push channels (Calendar, Drive): <c>X-Goog-Channel-ID</c> must name a channel registered with Mooring
/// (<see cref="WebhookRequest.Channel"/>), and <c>X-Goog-Channel-Token</c> must be that channel's token, or one of the
/// provider's configured tokens for a channel registered without its own, and the channel must not have expired. Tokens
/// are compared as SHA-256 digests, in constant time, so that neither their content nor their length leaks; a channel's
/// expiry is told only to a sender that presented its token.
/// </summary>
internal sealed class GoogleChannelVerifier(IReadOnlyList<string> sharedTokens, string tokenHeader, string channelHeader) : IWebhookVerifier
{
    private readonly byte[][] _shared = [.. sharedTokens.Select(t => SHA256.HashData(Encoding.UTF8.GetBytes(t)))];

    /// <summary>How a channel's token is kept: its SHA-256 in lower-case hex.</summary>
    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public WebhookRejection? Verify(in WebhookRequest request, DateTimeOffset now)
    {
        var channelId = request.Header(channelHeader);
        if (string.IsNullOrEmpty(channelId))
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

        if (request.Channel is not { } channel || !string.Equals(channel.ChannelId, channelId, StringComparison.Ordinal))
        {
            return WebhookRejection.UnknownChannel;
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), digest);
        if (!(channel.TokenHash is { } own ? MatchesOwn(digest, own) : MatchesShared(digest)))
        {
            return WebhookRejection.SignatureMismatch;
        }

        return channel.ExpiresAt <= now ? WebhookRejection.ChannelExpired : null;
    }

    private static bool MatchesOwn(ReadOnlySpan<byte> digest, string hash)
    {
        Span<byte> expected = stackalloc byte[32];
        return Signatures.TryHex(hash, expected) && Signatures.Equal(digest, expected);
    }

    private bool MatchesShared(ReadOnlySpan<byte> digest)
    {
        var matched = false;
        foreach (var expected in _shared)
        {
            matched |= Signatures.Equal(digest, expected);
        }

        return matched;
    }
}
