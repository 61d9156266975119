namespace Mooring.Sandbox.OAuth;

/// <summary>The outcome of checking a presented token.</summary>
internal enum TokenStatus
{
    Missing,
    Unknown,
    Valid,
    Expired,
    Revoked,
}

/// <summary>A checked token: its status and, when known, the token.</summary>
internal readonly record struct TokenCheck(TokenStatus Status, IssuedToken? Token)
{
    public bool IsValid => Status == TokenStatus.Valid;
}
