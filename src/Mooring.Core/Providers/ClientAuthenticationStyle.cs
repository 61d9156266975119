namespace Mooring.Providers;

/// <summary>How the client authenticates to the token endpoint (RFC 6749 section 2.3.1).</summary>
public enum ClientAuthenticationStyle
{
    /// <summary><c>client_secret_basic</c>: client id and secret in an HTTP Basic <c>Authorization</c> header.</summary>
    ClientSecretBasic,

    /// <summary><c>client_secret_post</c>: client id and secret as form parameters in the body.</summary>
    ClientSecretPost,
}
