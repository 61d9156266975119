using Mooring.Providers;

namespace Mooring.Connections;

/// <summary>Checks a <see cref="CreateConnectionRequest"/> against its provider and builds its credentials.</summary>
internal static class CreateConnectionValidator
{
    public static ConnectionCredentials? Validate(CreateConnectionRequest request, IProviderCatalog catalog)
    {
        if (!catalog.TryGet(request.Provider, out var provider) || provider.IsTemplate)
        {
            throw new ArgumentException($"provider: there is no provider '{request.Provider}'.", nameof(request));
        }

        if (!provider.AuthModes.Contains(request.AuthMode))
        {
            throw new ArgumentException(
                $"auth_mode: {provider.DisplayName} does not accept {request.AuthMode}; it accepts {string.Join(", ", provider.AuthModes)}.", nameof(request));
        }

        switch (request.AuthMode)
        {
            case AuthMode.ApiKey when string.IsNullOrWhiteSpace(request.ApiKey):
                throw new ArgumentException("api_key: an API key connection needs the key.", nameof(request));
            case AuthMode.ApiKey:
                return new ConnectionCredentials { ApiKey = request.ApiKey };
            case AuthMode.Basic when string.IsNullOrEmpty(request.Username):
                throw new ArgumentException("username: a basic connection needs a user name.", nameof(request));
            case AuthMode.Basic:
                return new ConnectionCredentials { Username = request.Username, Password = request.Password ?? string.Empty };
            case AuthMode.OAuth2ClientCredentials:
                return null; // the token is requested on first use and cached in the credentials
            default:
                throw new ArgumentException("auth_mode: OAuth 2.0 connections are made through the connect flow (a connect link).", nameof(request));
        }
    }
}
