namespace Mooring.Providers;

/// <summary>JSON pointers to a second token in a token response, such as Slack's user token under <c>authed_user</c>.</summary>
public sealed record TokenFieldMapping
{
    /// <summary>The access token.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The refresh token.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>The lifetime of the access token in seconds.</summary>
    public string? ExpiresIn { get; init; }

    /// <summary>The granted scopes.</summary>
    public string? Scope { get; init; }

    /// <summary>The token type.</summary>
    public string? TokenType { get; init; }
}
