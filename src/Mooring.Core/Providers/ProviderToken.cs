namespace Mooring.Providers;

/// <summary>A token read from a token response. <see cref="ToString"/> never shows the token values.</summary>
public sealed record ProviderToken
{
    /// <summary>The access token.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The refresh token, if one was issued.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>How long the access token lasts from when it was issued, if the provider says.</summary>
    public TimeSpan? ExpiresIn { get; init; }

    /// <summary>The granted scopes, if the provider lists them.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The token type, such as <c>Bearer</c>, or Slack's <c>bot</c> and <c>user</c>.</summary>
    public string? TokenType { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"ProviderToken {{ TokenType = {TokenType}, ExpiresIn = {ExpiresIn}, Scopes = [{string.Join(", ", Scopes)}], " +
        $"HasRefreshToken = {RefreshToken is not null} }}";
}
