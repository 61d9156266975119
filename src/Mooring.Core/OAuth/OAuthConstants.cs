namespace Mooring.OAuth;

internal static class OAuthConstants
{
    /// <summary>The named <see cref="System.Net.Http.HttpClient"/> for token, revocation and authorization server calls.</summary>
    public const string HttpClientName = "Mooring.OAuth";

    /// <summary>Bytes of randomness in a state value and a PKCE verifier: 256 bits, above the 128 required.</summary>
    public const int RandomBytes = 32;
}
