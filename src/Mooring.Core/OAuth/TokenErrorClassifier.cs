namespace Mooring.OAuth;

/// <summary>
/// Decides at once whether a token endpoint error means "connect again" or "try later", so that a revoked grant never
/// turns into a retry storm and an outage never costs a user their connection.
/// </summary>
internal static class TokenErrorClassifier
{
    // RFC 6749 section 5.2, and what Slack, GitHub and Google answer for dead grants.
    private static readonly HashSet<string> Terminal = new(StringComparer.Ordinal)
    {
        "invalid_grant", "unauthorized_client", "access_denied", "invalid_scope", "invalid_request",
        "unsupported_grant_type", "invalid_token", "expired_token", "token_expired", "token_revoked",
        "invalid_refresh_token", "bad_refresh_token", "invalid_auth", "not_authed", "account_inactive",
        "app_uninstalled", "team_disabled", "user_not_found", "bad_verification_code", "invalid_code",
        "code_already_used", "missing_scope",
    };

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "temporarily_unavailable", "server_error", "slow_down", "ratelimited", "rate_limited",
        "internal_error", "fatal_error", "service_unavailable", "request_timeout",
    };

    // The client's own registration is wrong: reconnecting would not help.
    private static readonly HashSet<string> Configuration = new(StringComparer.Ordinal)
    {
        "invalid_client", "incorrect_client_credentials", "invalid_client_id", "bad_client_secret",
        "invalid_redirect_uri", "redirect_uri_mismatch",
    };

    public static TokenOutcome Classify(string error, int status)
    {
        if (Transient.Contains(error))
        {
            return TokenOutcome.Transient;
        }

        if (Configuration.Contains(error))
        {
            return TokenOutcome.Configuration;
        }

        if (Terminal.Contains(error))
        {
            return TokenOutcome.Terminal;
        }

        return ClassifyStatus(status) ?? TokenOutcome.Terminal;
    }

    /// <summary>The outcome a status alone implies, or <see langword="null"/> when it implies none.</summary>
    public static TokenOutcome? ClassifyStatus(int status) => status switch
    {
        408 or 425 or 429 or >= 500 => TokenOutcome.Transient,
        401 => TokenOutcome.Configuration,
        _ => null,
    };
}
