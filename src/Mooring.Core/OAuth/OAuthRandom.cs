using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Mooring.OAuth;

/// <summary>The random values and hashes of an authorization: state, PKCE S256 (RFC 7636), browser binding.</summary>
internal static class OAuthRandom
{
    /// <summary>A fresh value of 256 random bits, base64url, usable as state, PKCE verifier (43 characters) or cookie.</summary>
    public static string NewValue() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(OAuthConstants.RandomBytes));

    /// <summary>The S256 code challenge: BASE64URL(SHA256(ASCII(verifier))).</summary>
    public static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>The SHA-256 of a value, lower-case hex, as stored instead of the value itself.</summary>
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
