namespace Mooring.OAuth;

/// <summary>The OAuth client registered with one provider (configuration <c>Mooring:OAuth:Clients:{provider}</c>).</summary>
public sealed class OAuthClientSettings
{
    /// <summary>The client id the provider issued.</summary>
    /// <value>The default value is <see langword="null"/>: required for every configured client.</value>
    public string? ClientId { get; set; }

    /// <summary>The client secret, for confidential clients; a public client (PKCE only) leaves it empty.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ClientSecret { get; set; }
}
