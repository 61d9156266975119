namespace Mooring.Webhooks;

/// <summary>
/// A push notification channel known from configuration (<c>Mooring:Webhooks:Providers:{key}:Channels:{channel id}</c>),
/// for channels created outside the app, such as by an operator's script.
/// </summary>
public sealed class WebhookChannelOptions
{
    /// <summary>
    /// The channel's token, as given in the watch request (at most 256 characters); omitted, the provider's
    /// <see cref="WebhookProviderOptions.Secrets"/> are accepted.
    /// </summary>
    /// <value>The default value is none: the provider's shared tokens.</value>
    public string? Token { get; set; }

    /// <summary>The connection whose resource the channel watches; its notifications are attributed to it.</summary>
    /// <value>The default value is none; required.</value>
    public string? ConnectionId { get; set; }

    /// <summary>When the channel expires (the <c>expiration</c> of the watch request or its answer); later notifications are refused.</summary>
    /// <value>The default value is none; required.</value>
    public DateTimeOffset? Expiration { get; set; }
}
