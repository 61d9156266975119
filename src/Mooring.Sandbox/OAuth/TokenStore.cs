using System.Collections.Concurrent;

namespace Mooring.Sandbox.OAuth;

/// <summary>Grants and the tokens issued from them, for every provider.</summary>
internal sealed class TokenStore(SandboxOptions options)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);

    public Grant CreateGrant(string provider, string clientId, string scope, string user)
    {
        var grant = new Grant("gr_" + TokenFormats.Random(16), provider, clientId, scope, user);
        _grants[grant.Id] = grant;
        return grant;
    }

    public IssuedToken Issue(Grant grant, TokenKind kind)
    {
        var now = options.TimeProvider.GetUtcNow();
        DateTimeOffset? expiresAt = kind == TokenKind.Refresh
            ? now + options.RefreshTokenLifetime
            : now + TokenLifetimes.Access(options, grant.Provider);
        var token = new IssuedToken(TokenFormats.New(grant.Provider, kind), kind, grant, now, expiresAt);
        _tokens[token.Value] = token;
        return token;
    }

    public TokenCheck Check(string provider, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new TokenCheck(TokenStatus.Missing, null);
        }

        if (!_tokens.TryGetValue(value, out var token) || token.Grant.Provider != provider)
        {
            return new TokenCheck(TokenStatus.Unknown, null);
        }

        if (token.Revoked || token.Rotated || token.Grant.Revoked)
        {
            return new TokenCheck(TokenStatus.Revoked, token);
        }

        return token.ExpiresAt <= options.TimeProvider.GetUtcNow()
            ? new TokenCheck(TokenStatus.Expired, token)
            : new TokenCheck(TokenStatus.Valid, token);
    }

    /// <summary>
    /// Revokes a token as RFC 7009 describes: a refresh token takes its whole grant with it, an access
    /// token only itself. Returns <see langword="false"/> when the token is unknown (which RFC 7009 still answers 200).
    /// </summary>
    public bool Revoke(string provider, string? value)
    {
        if (value is null || !_tokens.TryGetValue(value, out var token) || token.Grant.Provider != provider)
        {
            return false;
        }

        if (token.Kind == TokenKind.Refresh)
        {
            token.Grant.Revoked = true;
        }

        token.Revoked = true;
        return true;
    }

    /// <summary>Revokes the whole grant a token was issued from (the user disconnected the app).</summary>
    public bool RevokeGrantOf(string provider, string? value)
    {
        if (value is null || !_tokens.TryGetValue(value, out var token) || token.Grant.Provider != provider)
        {
            return false;
        }

        token.Grant.Revoked = true;
        return true;
    }

    /// <summary>Revokes every grant of one client (GitHub's DELETE /applications/{client_id}/grant, Stripe's deauthorize).</summary>
    public int RevokeGrants(string provider, Func<Grant, bool> match)
    {
        var count = 0;
        foreach (var grant in _grants.Values.Where(g => g.Provider == provider && !g.Revoked && match(g)))
        {
            grant.Revoked = true;
            count++;
        }

        return count;
    }
}
