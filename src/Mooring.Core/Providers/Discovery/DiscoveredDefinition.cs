using Mooring.Providers.Validation;

namespace Mooring.Providers.Discovery;

/// <summary>Merges discovered metadata into a definition; configured values win, so that a sandbox can redirect one endpoint.</summary>
internal static class DiscoveredDefinition
{
    private const string S256 = "S256";

    public static ProviderDefinition Apply(ProviderDefinition definition, AuthorizationServerMetadata metadata, Uri source)
    {
        var oauth = definition.OAuth2!;
        var key = definition.Key;

        // RFC 8414 section 3.3 and OpenID Connect Discovery 1.0 section 4.3: the issuer must be identical, or the metadata is not used.
        if (!string.Equals(metadata.Issuer, oauth.Issuer, StringComparison.Ordinal))
        {
            throw new ProviderDiscoveryException(key, $"the metadata at {source} names the issuer '{metadata.Issuer}', not the configured '{oauth.Issuer}'");
        }

        var pkce = Pkce(definition, metadata.CodeChallengeMethodsSupported);
        return definition with
        {
            OAuth2 = oauth with
            {
                AuthorizationUrl = oauth.AuthorizationUrl ?? Endpoint(key, "authorization_endpoint", metadata.AuthorizationEndpoint, required: true),
                TokenUrl = oauth.TokenUrl ?? Endpoint(key, "token_endpoint", metadata.TokenEndpoint, required: true),
                RevocationUrl = oauth.RevocationUrl ?? Endpoint(key, "revocation_endpoint", metadata.RevocationEndpoint, required: false),
                UserInfoUrl = oauth.UserInfoUrl ?? Endpoint(key, "userinfo_endpoint", metadata.UserinfoEndpoint, required: false),
                AuthorizationResponseIssParameterSupported =
                    oauth.AuthorizationResponseIssParameterSupported || metadata.AuthorizationResponseIssParameterSupported,
                Pkce = pkce,
                ClientAuthentication = ClientAuthentication(oauth.ClientAuthentication, metadata.TokenEndpointAuthMethodsSupported),
            },
        };
    }

    private static Uri? Endpoint(Mooring.Connections.ProviderKey key, string name, string? value, bool required)
    {
        if (value is null)
        {
            return required ? throw new ProviderDiscoveryException(key, $"the discovered metadata has no {name}") : null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || !Rules.IsSecureUrl(url))
        {
            throw new ProviderDiscoveryException(key, $"the discovered {name} '{value}' is not an absolute https URL");
        }

        return url;
    }

    // RFC 8414 section 2: when code_challenge_methods_supported is omitted, the server does not support PKCE.
    // Mooring keeps the configured value then, because many servers accept PKCE without advertising it.
    private static PkceSupport Pkce(ProviderDefinition definition, IReadOnlyList<string>? methods)
    {
        var configured = definition.OAuth2!.Pkce;
        if (methods is null)
        {
            return configured;
        }

        if (methods.Contains(S256, StringComparer.Ordinal))
        {
            return configured == PkceSupport.Required ? PkceSupport.Required : PkceSupport.Supported;
        }

        return configured == PkceSupport.Required
            ? throw new ProviderDiscoveryException(definition.Key, "oauth2.pkce is Required, but the server does not list S256 in code_challenge_methods_supported")
            : PkceSupport.None;
    }

    // RFC 8414 section 2: when token_endpoint_auth_methods_supported is omitted, the default is client_secret_basic.
    private static ClientAuthenticationStyle ClientAuthentication(ClientAuthenticationStyle configured, IReadOnlyList<string>? methods)
    {
        methods ??= ["client_secret_basic"];
        var basic = methods.Contains("client_secret_basic", StringComparer.Ordinal);
        var post = methods.Contains("client_secret_post", StringComparer.Ordinal);
        return configured switch
        {
            ClientAuthenticationStyle.ClientSecretBasic when !basic && post => ClientAuthenticationStyle.ClientSecretPost,
            ClientAuthenticationStyle.ClientSecretPost when !post && basic => ClientAuthenticationStyle.ClientSecretBasic,
            _ => configured,
        };
    }
}
