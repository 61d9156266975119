namespace Mooring.Connections;

/// <summary>A connection made without a browser: an API key, basic credentials, or the client credentials grant.</summary>
public sealed record CreateConnectionRequest
{
    /// <summary>The provider.</summary>
    public required ProviderKey Provider { get; init; }

    /// <summary><see cref="AuthMode.ApiKey"/>, <see cref="AuthMode.Basic"/> or <see cref="AuthMode.OAuth2ClientCredentials"/>; the provider must list it.</summary>
    public required AuthMode AuthMode { get; init; }

    /// <summary>The id to use; a new one when <see langword="null"/>.</summary>
    public ConnectionId? Id { get; init; }

    /// <summary>The host app's reference for the end user.</summary>
    public string? EndUserRef { get; init; }

    /// <summary>The host app's reference for the tenant.</summary>
    public string? TenantRef { get; init; }

    /// <summary>The API key, for <see cref="AuthMode.ApiKey"/> (such as a Stripe secret or restricted key).</summary>
    public string? ApiKey { get; init; }

    /// <summary>The user name, for <see cref="AuthMode.Basic"/>.</summary>
    public string? Username { get; init; }

    /// <summary>The password, for <see cref="AuthMode.Basic"/>.</summary>
    public string? Password { get; init; }

    /// <summary>Scopes, for <see cref="AuthMode.OAuth2ClientCredentials"/>; the provider's defaults when empty.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Non-secret data to keep with the connection.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"CreateConnectionRequest {{ Provider = {Provider}, AuthMode = {AuthMode}, Id = {Id} }}";
}
