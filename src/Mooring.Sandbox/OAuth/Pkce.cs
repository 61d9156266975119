using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Mooring.Sandbox.OAuth;

/// <summary>RFC 7636 verification of a code verifier against the challenge sent with the authorization request.</summary>
internal static class Pkce
{
    public static bool Verify(string? challenge, string? method, string? verifier)
    {
        if (challenge is null)
        {
            // No challenge was sent with the authorization request: like the real providers, ignore a stray verifier.
            return true;
        }

        if (verifier is null || verifier.Length is < 43 or > 128)
        {
            return false;
        }

        var expected = method switch
        {
            "S256" => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            "plain" or null => verifier,
            _ => null,
        };
        return expected is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(challenge));
    }
}
