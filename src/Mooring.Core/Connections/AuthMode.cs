namespace Mooring.Connections;

/// <summary>How a connection authenticates to its provider.</summary>
public enum AuthMode
{
    /// <summary>OAuth 2.0 authorization code grant with PKCE, on behalf of an end user.</summary>
    OAuth2,

    /// <summary>OAuth 2.0 client credentials grant, on behalf of the app itself.</summary>
    OAuth2ClientCredentials,

    /// <summary>A static API key, placed in a header or the query as the provider definition says.</summary>
    ApiKey,

    /// <summary>HTTP basic authentication with a user name and password.</summary>
    Basic,
}
