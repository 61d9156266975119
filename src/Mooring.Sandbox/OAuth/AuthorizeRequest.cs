using Microsoft.AspNetCore.Http;

namespace Mooring.Sandbox.OAuth;

/// <summary>An authorization request (RFC 6749 section 4.1.1 with RFC 7636's PKCE parameters and the providers' extras).</summary>
internal sealed record AuthorizeRequest(
    string? ClientId,
    string? RedirectUri,
    string? ResponseType,
    string Scope,
    string? UserScope,
    string? State,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    string? LoginHint,
    string? AccessType,
    string? Prompt,
    bool DenyRequested,
    string? Nonce = null)
{
    /// <summary>The query parameter that makes the automatic consent step deny (or use a login_hint starting with <c>deny</c>).</summary>
    public const string DenyParameter = "sandbox_consent";

    public static AuthorizeRequest Read(HttpRequest request, string scopeSeparator = " ")
    {
        var q = request.Query;
        string? Get(string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;
        var scope = string.Join(' ', (Get("scope") ?? string.Empty).Split(scopeSeparator, StringSplitOptions.RemoveEmptyEntries));
        var loginHint = Get("login_hint");
        var deny = string.Equals(Get(DenyParameter), "deny", StringComparison.OrdinalIgnoreCase)
            || (loginHint?.StartsWith("deny", StringComparison.OrdinalIgnoreCase) ?? false);
        return new AuthorizeRequest(
            Get("client_id"), Get("redirect_uri"), Get("response_type"), scope, Get("user_scope"), Get("state"),
            Get("code_challenge"), Get("code_challenge_method"), loginHint, Get("access_type"), Get("prompt"), deny, Get("nonce"));
    }
}
