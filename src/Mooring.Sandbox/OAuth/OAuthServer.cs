using System.Collections.Concurrent;
using Microsoft.AspNetCore.WebUtilities;

namespace Mooring.Sandbox.OAuth;

/// <summary>
/// The authorization server logic every emulated provider shares: automatic consent, single-use codes bound
/// to client, redirect URI and PKCE challenge, refresh with optional rotation. Providers render its results
/// in their own wire shapes.
/// </summary>
internal sealed class OAuthServer(SandboxOptions options, OAuthClientRegistry clients, TokenStore tokens)
{
    private readonly ConcurrentDictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Grant> _redeemed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _deny = new(StringComparer.Ordinal);

    public OAuthClientRegistry Clients => clients;

    public TokenStore Tokens => tokens;

    /// <summary>Gets the client an unredeemed code was issued to (Stripe Connect authenticates the token call with the platform key, not the client id).</summary>
    public string? ClientOfCode(string? code) => code is not null && _codes.TryGetValue(code, out var c) ? c.ClientId : null;

    public void SetDenyConsent(string provider, bool deny) => _deny[provider] = deny;

    public AuthorizeDecision Authorize(string provider, AuthorizeRequest request, bool issueRefreshToken, string defaultUser)
    {
        var client = clients.Find(provider, request.ClientId);
        if (client is null)
        {
            return new AuthorizeDecision(null, "Unknown client_id.");
        }

        if (!client.AcceptsRedirect(request.RedirectUri))
        {
            return new AuthorizeDecision(null, "redirect_uri does not match a registered redirect URI.");
        }

        var redirect = request.RedirectUri!;
        if (request.DenyRequested || _deny.GetValueOrDefault(provider))
        {
            return Redirect(redirect, request.State, ("error", "access_denied"));
        }

        if (request.ResponseType is not null && request.ResponseType != "code")
        {
            return Redirect(redirect, request.State, ("error", "unsupported_response_type"));
        }

        if (request.CodeChallenge is not null && request.CodeChallengeMethod is not (null or "S256" or "plain"))
        {
            return Redirect(redirect, request.State, ("error", "invalid_request"));
        }

        if (client.ClientSecret is null && request.CodeChallenge is null)
        {
            return Redirect(redirect, request.State, ("error", "invalid_request"));
        }

        var code = new AuthorizationCode(
            TokenFormats.Code(provider), provider, client.ClientId, redirect, request.Scope, request.UserScope,
            request.CodeChallenge, request.CodeChallengeMethod, UserOf(request, defaultUser), issueRefreshToken,
            options.TimeProvider.GetUtcNow() + options.AuthorizationCodeLifetime, request.Nonce);
        _codes[code.Code] = code;
        return Redirect(redirect, request.State, ("code", code.Code));
    }

    public OAuthOutcome Exchange(string provider, TokenRequest request)
    {
        var client = clients.Find(provider, request.ClientId);
        if (client is null || (client.ClientSecret is not null && client.ClientSecret != request.ClientSecret))
        {
            return new OAuthFailure(FailureReason.InvalidClient, "Client authentication failed.");
        }

        if (request.Code is null || !_codes.TryRemove(request.Code, out var code))
        {
            // RFC 6749 section 4.1.2: a replayed code SHOULD revoke what was issued from it.
            if (request.Code is not null && _redeemed.TryGetValue(request.Code, out var replayed))
            {
                replayed.Revoked = true;
                return new OAuthFailure(FailureReason.BadCode, "The authorization code was already used.");
            }

            return new OAuthFailure(FailureReason.BadCode, "The authorization code is invalid.");
        }

        var failure = Validate(code, client, request);
        if (failure is not null)
        {
            return failure;
        }

        var grant = tokens.CreateGrant(provider, client.ClientId, code.Scope, code.User);
        grant.Nonce = code.Nonce;
        _redeemed[code.Code] = grant;
        return new TokenGrantResult(
            grant,
            tokens.Issue(grant, TokenKind.Access),
            code.IssueRefreshToken ? tokens.Issue(grant, TokenKind.Refresh) : null,
            code.UserScope is not null ? tokens.Issue(grant, TokenKind.UserAccess) : null,
            code.UserScope);
    }

    public OAuthOutcome Refresh(string provider, TokenRequest request, bool? rotate = null)
    {
        var client = clients.Find(provider, request.ClientId);
        if (client is null || (client.ClientSecret is not null && client.ClientSecret != request.ClientSecret))
        {
            return new OAuthFailure(FailureReason.InvalidClient, "Client authentication failed.");
        }

        var check = tokens.Check(provider, request.RefreshToken);
        if (check.Token is not { Kind: TokenKind.Refresh } old || old.Grant.ClientId != client.ClientId)
        {
            return new OAuthFailure(FailureReason.BadRefreshToken, "The refresh token is invalid.");
        }

        lock (old.Grant.Sync)
        {
            if (old.Rotated)
            {
                // Reuse of a rotated refresh token means it leaked or a client lost the new one: revoke the grant
                // (OAuth 2.0 Security BCP, section 4.14.2).
                old.Grant.Revoked = true;
            }

            check = tokens.Check(provider, old.Value);
            if (!check.IsValid)
            {
                return new OAuthFailure(FailureReason.BadRefreshToken, "Token has been expired or revoked.");
            }

            IssuedToken? next = null;
            if (rotate ?? options.RotateRefreshTokens)
            {
                old.Rotated = true;
                next = tokens.Issue(old.Grant, TokenKind.Refresh);
            }

            return new TokenGrantResult(old.Grant, tokens.Issue(old.Grant, TokenKind.Access), next, null, null);
        }
    }

    /// <summary>RFC 6749 section 4.4: a confidential client gets an access token for itself; no refresh token.</summary>
    public OAuthOutcome ClientCredentials(string provider, TokenRequest request)
    {
        var client = clients.Find(provider, request.ClientId);
        if (client?.ClientSecret is null || client.ClientSecret != request.ClientSecret)
        {
            return new OAuthFailure(FailureReason.InvalidClient, "Client authentication failed.");
        }

        var grant = tokens.CreateGrant(provider, client.ClientId, request.Scope ?? string.Empty, client.ClientId);
        return new TokenGrantResult(grant, tokens.Issue(grant, TokenKind.Access), null, null, null);
    }

    private OAuthFailure? Validate(AuthorizationCode code, OAuthClient client, TokenRequest request)
    {
        if (code.ClientId != client.ClientId || code.ExpiresAt <= options.TimeProvider.GetUtcNow())
        {
            return new OAuthFailure(FailureReason.BadCode, "The authorization code is invalid or expired.");
        }

        if (!string.Equals(code.RedirectUri, request.RedirectUri, StringComparison.Ordinal))
        {
            return new OAuthFailure(FailureReason.RedirectMismatch, "redirect_uri does not match the authorization request.");
        }

        return Pkce.Verify(code.CodeChallenge, code.CodeChallengeMethod, request.CodeVerifier)
            ? null
            : new OAuthFailure(FailureReason.BadVerifier, "PKCE verification failed.");
    }

    private static string UserOf(AuthorizeRequest request, string defaultUser) =>
        string.IsNullOrEmpty(request.LoginHint) ? defaultUser : request.LoginHint;

    private static AuthorizeDecision Redirect(string redirectUri, string? state, (string Name, string Value) result)
    {
        var query = new Dictionary<string, string?> { [result.Name] = result.Value };
        if (state is not null)
        {
            query["state"] = state;
        }

        return new AuthorizeDecision(QueryHelpers.AddQueryString(redirectUri, query), null);
    }
}
