using Mooring.Providers.Loading;

namespace Mooring.Providers.Validation;

/// <summary>Checks the OAuth 2.0 sections.</summary>
internal static class OAuth2Validator
{
    // Parameters Mooring writes itself on every authorization request; configuring them would break the flow.
    private static readonly HashSet<string> ReservedAuthorizeParameters = new(StringComparer.Ordinal)
    {
        "response_type", "client_id", "redirect_uri", "state", "scope", "code_challenge", "code_challenge_method",
    };

    private static readonly TimeSpan MaxRefreshAhead = TimeSpan.FromHours(1);

    public static void Validate(OAuth2Settings? oauth, bool isTemplate, DefinitionErrors errors)
    {
        if (oauth is null)
        {
            errors.Add("oauth2", "is required when authModes includes OAuth2");
            return;
        }

        var endpointsRequired = !oauth.Discovery;
        Rules.Url(errors, "oauth2.authorizationUrl", oauth.AuthorizationUrl, endpointsRequired);
        Rules.Url(errors, "oauth2.tokenUrl", oauth.TokenUrl, endpointsRequired);
        Rules.Url(errors, "oauth2.revocationUrl", oauth.RevocationUrl);
        Rules.Url(errors, "oauth2.userInfoUrl", oauth.UserInfoUrl);
        ValidateIssuer(oauth, isTemplate, errors);
        ValidateScopes(oauth, errors);

        foreach (var name in oauth.AuthorizeParameters.Keys)
        {
            if (ReservedAuthorizeParameters.Contains(name))
            {
                errors.Add($"oauth2.authorizeParameters.{name}", "is written by Mooring and cannot be configured");
            }
        }

        Rules.Defined(errors, "oauth2.pkce", oauth.Pkce);
        Rules.Defined(errors, "oauth2.clientAuthentication", oauth.ClientAuthentication);
        Rules.Headers(errors, "oauth2.tokenRequestHeaders", oauth.TokenRequestHeaders);
        if (oauth.RefreshAhead < TimeSpan.Zero || oauth.RefreshAhead > MaxRefreshAhead)
        {
            errors.Add("oauth2.refreshAheadSeconds", $"must be between 0 and {MaxRefreshAhead.TotalSeconds} seconds");
        }

        ValidateTokenResponse(oauth.TokenResponse, errors);
    }

    public static void ValidateClientCredentials(ProviderDefinition definition, DefinitionErrors errors)
    {
        var settings = definition.ClientCredentials;
        if (settings is null)
        {
            errors.Add("clientCredentials", "is required when authModes includes OAuth2ClientCredentials");
            return;
        }

        Rules.Url(errors, "clientCredentials.tokenUrl", settings.TokenUrl);
        Rules.Defined(errors, "clientCredentials.clientAuthentication", settings.ClientAuthentication);
        var tokenUrlKnown = settings.TokenUrl is not null || definition.OAuth2?.TokenUrl is not null || definition.OAuth2?.Discovery == true;
        if (!tokenUrlKnown)
        {
            errors.Add("clientCredentials.tokenUrl", "is required when oauth2.tokenUrl is not set and not discovered");
        }
    }

    private static void ValidateIssuer(OAuth2Settings oauth, bool isTemplate, DefinitionErrors errors)
    {
        if (oauth.Issuer is null)
        {
            if (oauth.Discovery && !isTemplate)
            {
                errors.Add("oauth2.issuer", "is required when oauth2.discovery is true");
            }

            return;
        }

        // RFC 8414 section 2: an https URL with no query or fragment.
        if (!Uri.TryCreate(oauth.Issuer, UriKind.Absolute, out var issuer) || !Rules.IsSecureUrl(issuer) ||
            issuer.Query.Length > 0 || issuer.Fragment.Length > 0)
        {
            errors.Add("oauth2.issuer", "is not an absolute https URL without query or fragment (http is allowed only for loopback hosts)");
        }
    }

    private static void ValidateScopes(OAuth2Settings oauth, DefinitionErrors errors)
    {
        if (string.IsNullOrEmpty(oauth.ScopeSeparator))
        {
            errors.Add("oauth2.scopeSeparator", "is required");
            return;
        }

        for (var i = 0; i < oauth.DefaultScopes.Count; i++)
        {
            var scope = oauth.DefaultScopes[i];
            if (string.IsNullOrWhiteSpace(scope) || scope.Contains(oauth.ScopeSeparator, StringComparison.Ordinal))
            {
                errors.Add($"oauth2.defaultScopes[{i}]", "must be one non-empty scope without the scope separator");
            }
        }
    }

    private static void ValidateTokenResponse(TokenResponseMapping mapping, DefinitionErrors errors)
    {
        const string Prefix = "oauth2.tokenResponse.";
        Rules.Pointer(errors, Prefix + "accessToken", mapping.AccessToken, required: true);
        Rules.Pointer(errors, Prefix + "refreshToken", mapping.RefreshToken);
        Rules.Pointer(errors, Prefix + "expiresIn", mapping.ExpiresIn);
        Rules.Pointer(errors, Prefix + "scope", mapping.Scope);
        Rules.Pointer(errors, Prefix + "tokenType", mapping.TokenType);
        Rules.Pointer(errors, Prefix + "error", mapping.Error);
        Rules.Pointer(errors, Prefix + "errorDescription", mapping.ErrorDescription);
        Rules.Pointer(errors, Prefix + "success", mapping.Success);
        if (mapping.UserToken is { } user)
        {
            Rules.Pointer(errors, Prefix + "userToken.accessToken", user.AccessToken, required: true);
            Rules.Pointer(errors, Prefix + "userToken.refreshToken", user.RefreshToken);
            Rules.Pointer(errors, Prefix + "userToken.expiresIn", user.ExpiresIn);
            Rules.Pointer(errors, Prefix + "userToken.scope", user.Scope);
            Rules.Pointer(errors, Prefix + "userToken.tokenType", user.TokenType);
        }
    }
}
