namespace Mooring.Sandbox.OAuth;

/// <summary>What kind of token a value is.</summary>
internal enum TokenKind
{
    Access,
    UserAccess,
    Refresh,
}

/// <summary>An access or refresh token issued from a grant.</summary>
internal sealed class IssuedToken(string value, TokenKind kind, Grant grant, DateTimeOffset issuedAt, DateTimeOffset? expiresAt)
{
    public string Value { get; } = value;

    public TokenKind Kind { get; } = kind;

    public Grant Grant { get; } = grant;

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    /// <summary>Gets the lifetime in whole seconds, as <c>expires_in</c> carries it, or 0 when it does not expire.</summary>
    public int ExpiresIn => ExpiresAt is { } at ? (int)Math.Round((at - IssuedAt).TotalSeconds) : 0;

    public bool Revoked { get; set; }

    /// <summary>Gets or sets a value indicating whether a rotation replaced this refresh token.</summary>
    public bool Rotated { get; set; }
}
