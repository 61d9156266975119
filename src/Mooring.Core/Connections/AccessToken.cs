namespace Mooring.Connections;

/// <summary>A usable access token of a connection. <see cref="ToString"/> never shows the value.</summary>
/// <param name="Value">The token, to send as <c>Authorization: {TokenType} {Value}</c>.</param>
/// <param name="TokenType">The token type; <c>Bearer</c> unless the provider said otherwise.</param>
/// <param name="ExpiresAt">When it expires, if it does.</param>
public sealed record AccessToken(string Value, string TokenType, DateTimeOffset? ExpiresAt)
{
    /// <inheritdoc />
    public override string ToString() => $"AccessToken {{ TokenType = {TokenType}, ExpiresAt = {ExpiresAt} }}";
}
