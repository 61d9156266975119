using System.Text.Json.Serialization;

namespace Mooring.Connections;

/// <summary>
/// The secrets of one connection. Never logged, never returned by the management API, and stored only
/// encrypted (see <see cref="Security.ISecretProtector"/>).
/// </summary>
public sealed record ConnectionCredentials
{
    /// <summary>The OAuth 2.0 access token, if any.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The OAuth 2.0 refresh token, if any.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>The token type the provider gave (usually <c>Bearer</c>).</summary>
    public string? TokenType { get; init; }

    /// <summary>The API key, for <see cref="AuthMode.ApiKey"/> connections.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The user name, for <see cref="AuthMode.Basic"/> connections.</summary>
    public string? Username { get; init; }

    /// <summary>The password, for <see cref="AuthMode.Basic"/> connections.</summary>
    public string? Password { get; init; }

    /// <summary>Other fields of the provider's token response that may be needed later (an id token, a bot user id).</summary>
    public IReadOnlyDictionary<string, string>? Extra { get; init; }

    /// <summary>A redacted form, so that an accidental <c>ToString()</c> never prints a secret.</summary>
    public override string ToString() => "ConnectionCredentials { (redacted) }";

    [JsonIgnore]
    internal bool IsEmpty => AccessToken is null && RefreshToken is null && ApiKey is null && Username is null && Password is null;
}
