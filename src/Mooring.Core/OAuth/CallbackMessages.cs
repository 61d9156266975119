namespace Mooring.OAuth;

/// <summary>What the callback page says, for people: what happened and what to do.</summary>
internal static class CallbackMessages
{
    public const string InvalidState =
        "This sign-in link has expired or was already used. Go back to the app and start connecting again.";

    public const string OtherBrowser =
        "This sign-in was started in another browser or window. Start connecting again from this browser.";

    public const string IssuerMissing =
        "The answer did not say which server sent it, so it was not trusted. Start connecting again.";

    public const string IssuerMismatch =
        "The answer came from a different server than the one asked, so it was not trusted. Start connecting again.";

    public static string NoCode(string provider) =>
        $"{provider} sent no authorization. Start connecting again.";

    public static string ProviderError(string provider, string error) => error switch
    {
        "access_denied" => $"You declined access to {provider}, so nothing was connected. You can connect again whenever you like.",
        "invalid_scope" => $"{provider} did not accept the permissions this app asked for. Tell the app's administrator.",
        "temporarily_unavailable" or "server_error" => $"{provider} could not complete the sign-in just now. Try again in a few minutes.",
        "unauthorized_client" or "unsupported_response_type" or "invalid_request" or "invalid_client" =>
            $"{provider} refused this app's sign-in request ({error}). Tell the app's administrator; trying again will not help.",
        _ => $"{provider} did not complete the sign-in ({error}). Try again, and tell the app's administrator if it keeps happening.",
    };

    public static string ExchangeFailed(string provider, TokenEndpointResult result) => result.Outcome switch
    {
        TokenOutcome.Transient => $"{provider} could not complete the sign-in just now ({result.Error}). Try again in a few minutes.",
        TokenOutcome.Configuration => $"{provider} refused this app's credentials ({result.Error}). Tell the app's administrator.",
        _ => $"{provider} did not accept the sign-in ({result.Error}); it may have been used already or taken too long. Start connecting again.",
    };
}
