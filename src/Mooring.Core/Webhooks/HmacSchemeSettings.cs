using System.Security.Cryptography;
using Mooring.Webhooks.Verifiers;

namespace Mooring.Webhooks;

/// <summary>The parameters of the generic HMAC scheme, as validated from configuration.</summary>
internal sealed record HmacSchemeSettings(HashAlgorithmName Algorithm, SignatureEncoding Encoding, string Prefix)
{
    public static readonly HmacSchemeSettings Default = new(HashAlgorithmName.SHA256, SignatureEncoding.Hex, string.Empty);

    /// <summary>Reads <c>sha1</c>, <c>sha256</c> or <c>sha512</c> (any case).</summary>
    public static bool TryAlgorithm(string? name, out HashAlgorithmName algorithm)
    {
        algorithm = name?.ToUpperInvariant() switch
        {
            "SHA1" => HashAlgorithmName.SHA1,
            "SHA256" => HashAlgorithmName.SHA256,
            "SHA512" => HashAlgorithmName.SHA512,
            _ => default,
        };
        return algorithm != default;
    }
}
