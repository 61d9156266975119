using System.Text.Json;

namespace Mooring.Providers;

/// <summary>
/// Reads a token endpoint response into tokens or an error. The default follows
/// <see cref="OAuth2Settings.TokenResponse"/>; a provider whose responses need code registers its own as a keyed
/// service under its provider key: <c>services.AddKeyedSingleton&lt;ITokenResponseMapper, AcmeMapper&gt;("acme")</c>.
/// Providers based on it (<see cref="ProviderDefinition.BasedOn"/>) use it too.
/// </summary>
public interface ITokenResponseMapper
{
    /// <summary>Maps the parsed body of a token response with the HTTP status it came with.</summary>
    /// <param name="provider">The provider that answered.</param>
    /// <param name="statusCode">The HTTP status code; some providers report errors with 200.</param>
    /// <param name="body">The JSON body.</param>
    MappedTokenResponse Map(ProviderDefinition provider, int statusCode, JsonElement body);
}
