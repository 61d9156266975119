namespace Mooring.Sandbox.OAuth;

/// <summary>An issued, not yet redeemed authorization code and what it was issued for.</summary>
internal sealed record AuthorizationCode(
    string Code,
    string Provider,
    string ClientId,
    string RedirectUri,
    string Scope,
    string? UserScope,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    string User,
    bool IssueRefreshToken,
    DateTimeOffset ExpiresAt,
    string? Nonce = null);
