using Mooring.Providers;

namespace Mooring.AspNetCore.Webhooks.Channels;

/// <summary>What a channel id and token must be, as the configuration and the registry both check them.</summary>
internal static class WebhookChannelRules
{
    /// <summary>Google's limit on a channel id.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Google's limit on a channel token.</summary>
    public const int MaxTokenLength = 256;

    /// <summary>The schemes whose deliveries name a channel that must be registered.</summary>
    public static bool UsesChannels(WebhookSignatureScheme scheme) => scheme == WebhookSignatureScheme.GoogleChannelToken;

    /// <summary>What is wrong with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public static string? IdProblem(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength)
        {
            return $"must be 1 to {MaxIdLength} characters (a UUID is best)";
        }

        return id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '+' or '=')
            ? null
            : "may hold only letters, digits, '-', '_', '.', ':', '+' and '='";
    }

    /// <summary>What is wrong with <paramref name="token"/>, or <see langword="null"/>; never contains the token.</summary>
    public static string? TokenProblem(string? token) =>
        Mooring.Webhooks.WebhookSecrets.Problem(WebhookSignatureScheme.GoogleChannelToken, token)
        ?? (token!.Length > MaxTokenLength ? $"is longer than {MaxTokenLength} characters" : null);
}
