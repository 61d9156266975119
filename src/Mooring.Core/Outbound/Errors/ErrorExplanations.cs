using System.Collections.Frozen;

namespace Mooring.Outbound.Errors;

/// <summary>
/// Plain-words explanations of the providers' common error codes, and the codes that mean the grant is gone or the
/// thing does not exist. Codes are distinct enough across Slack, Stripe, Google and GitHub to share one table.
/// </summary>
internal static class ErrorExplanations
{
    private static readonly FrozenDictionary<string, string> Explanations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Slack (https://docs.slack.dev/reference/methods/chat.postMessage#errors and friends)
        ["channel_not_found"] = "the channel does not exist or the app is not a member",
        ["not_in_channel"] = "the app is not a member of the channel; invite it first",
        ["is_archived"] = "the channel is archived",
        ["msg_too_long"] = "the message text is too long",
        ["no_text"] = "the message has no text",
        ["missing_scope"] = "the token lacks a scope this method needs; reconnect with the scope added",
        ["not_authed"] = "no token was sent",
        ["invalid_auth"] = "the token is not valid; the user must connect again",
        ["token_revoked"] = "the token was revoked; the user must connect again",
        ["token_expired"] = "the token expired and could not be refreshed; the user must connect again",
        ["account_inactive"] = "the user or the app was deactivated; the user must connect again",
        ["ratelimited"] = "too many calls; Slack asks to wait before retrying",
        ["invalid_cursor"] = "the pagination cursor is no longer valid",

        // Stripe (https://docs.stripe.com/error-codes, https://docs.stripe.com/declines/codes)
        ["card_declined"] = "the card was declined",
        ["insufficient_funds"] = "the card has insufficient funds",
        ["expired_card"] = "the card has expired",
        ["incorrect_cvc"] = "the card's security code is incorrect",
        ["generic_decline"] = "the card was declined for an unspecified reason; the customer should contact their bank",
        ["resource_missing"] = "the object does not exist in this Stripe account",
        ["parameter_invalid_empty"] = "a required value is empty",
        ["parameter_missing"] = "a required parameter is missing",
        ["idempotency_error"] = "the idempotency key was already used with other parameters",
        ["rate_limit"] = "too many calls; Stripe asks to slow down",
        ["api_key_expired"] = "the API key has expired; replace it",

        // Google (https://developers.google.com/workspace/gmail/api/guides/handle-errors)
        ["rateLimitExceeded"] = "the project's quota per minute is used up",
        ["userRateLimitExceeded"] = "the user's quota per minute is used up",
        ["quotaExceeded"] = "the quota is used up",
        ["RESOURCE_EXHAUSTED"] = "the quota is used up",
        ["notFound"] = "the item does not exist or the user cannot see it",
        ["insufficientPermissions"] = "the token lacks a scope this call needs; reconnect with the scope added",
        ["authError"] = "the credentials are not valid",
        ["invalidArgument"] = "a parameter is not valid",
        ["failedPrecondition"] = "the request cannot be done in the item's current state",
        ["fullSyncRequired"] = "the sync token is too old; start a full sync",
        ["backendError"] = "Google had an internal error",

        // GitHub (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api)
        ["missing_field"] = "a required field is missing",
        ["already_exists"] = "an item with this value already exists",
        ["invalid"] = "a field has a value that is not valid",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Codes that mean the grant is gone: only connecting again helps.</summary>
    public static readonly FrozenSet<string> NeedsReconnect =
        FrozenSet.ToFrozenSet(["invalid_auth", "token_revoked", "token_expired", "account_inactive", "not_authed", "invalid_grant", "api_key_expired"], StringComparer.Ordinal);

    /// <summary>
    /// Codes that mean the credentials are valid but not enough for this call (whatever the status): Slack answers
    /// them with HTTP 200 where GitHub and Google answer 403.
    /// </summary>
    public static readonly FrozenSet<string> Forbidden =
        FrozenSet.ToFrozenSet(["missing_scope", "no_permission", "not_allowed_token_type", "insufficientPermissions"], StringComparer.Ordinal);

    /// <summary>Codes that mean the thing asked for does not exist (whatever the status).</summary>
    public static readonly FrozenSet<string> NotFound =
        FrozenSet.ToFrozenSet(["channel_not_found", "user_not_found", "message_not_found", "resource_missing", "notFound"], StringComparer.Ordinal);

    /// <summary>Codes that mean the provider itself failed.</summary>
    public static readonly FrozenSet<string> Unavailable =
        FrozenSet.ToFrozenSet(["internal_error", "fatal_error", "service_unavailable", "request_timeout", "backendError"], StringComparer.Ordinal);

    /// <summary>Explanations that name the scope the provider says is missing (Slack's <c>needed</c>): "{0}" stands for it.</summary>
    private static readonly FrozenDictionary<string, string> WithScope = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["missing_scope"] = "the token lacks a scope this method needs; reconnect with the scope {0} added",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string? For(string? code) => code is not null && Explanations.TryGetValue(code, out var text) ? text : null;

    /// <summary>The explanation of <paramref name="code"/>, naming <paramref name="neededScope"/> where the provider told it.</summary>
    public static string? For(string? code, string? neededScope) =>
        code is not null && neededScope is not null && WithScope.TryGetValue(code, out var format)
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, neededScope)
            : For(code);
}
