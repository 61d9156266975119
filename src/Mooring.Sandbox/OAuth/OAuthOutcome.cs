namespace Mooring.Sandbox.OAuth;

/// <summary>Tokens issued by a code exchange or a refresh.</summary>
internal sealed record TokenGrantResult(
    Grant Grant,
    IssuedToken Access,
    IssuedToken? Refresh,
    IssuedToken? UserAccess,
    string? UserScope);

/// <summary>Why a token request failed, finer than RFC 6749's codes so each provider can name it its own way.</summary>
internal enum FailureReason
{
    InvalidRequest,
    InvalidClient,
    UnsupportedGrantType,
    BadCode,
    RedirectMismatch,
    BadVerifier,
    BadRefreshToken,
}

/// <summary>A failed token request; <see cref="Error"/> is the RFC 6749 section 5.2 code.</summary>
internal sealed record OAuthFailure(FailureReason Reason, string Description)
{
    public string Error => Reason switch
    {
        FailureReason.InvalidRequest => "invalid_request",
        FailureReason.InvalidClient => "invalid_client",
        FailureReason.UnsupportedGrantType => "unsupported_grant_type",
        _ => "invalid_grant",
    };

    public int RfcStatus => Reason == FailureReason.InvalidClient ? 401 : 400;
}

/// <summary>Either tokens or an error.</summary>
internal readonly record struct OAuthOutcome(TokenGrantResult? Result, OAuthFailure? Failure)
{
    public static implicit operator OAuthOutcome(TokenGrantResult result) => new(result, null);

    public static implicit operator OAuthOutcome(OAuthFailure failure) => new(null, failure);
}
