using System.Security.Cryptography;

namespace Mooring.Webhooks.Verifiers;

/// <summary>The secrets active for one provider (several during a rotation) and the HMAC they sign with.</summary>
internal sealed class HmacKeys
{
    private readonly IReadOnlyList<byte[]> _keys;

    public HmacKeys(IReadOnlyList<byte[]> keys, HashAlgorithmName algorithm)
    {
        ArgumentOutOfRangeException.ThrowIfZero(keys.Count);
        _keys = keys;
        Algorithm = algorithm;
        Size = algorithm == HashAlgorithmName.SHA1 ? 20 : algorithm == HashAlgorithmName.SHA512 ? 64 : 32;
    }

    public HashAlgorithmName Algorithm { get; }

    /// <summary>The digest length in bytes.</summary>
    public int Size { get; }

    /// <summary>
    /// Whether any of the <paramref name="candidates"/> (each <see cref="Size"/> bytes, back to back) is the HMAC of
    /// <paramref name="prefix"/> + <paramref name="body"/> under any key. Every key and candidate is compared, in constant time.
    /// </summary>
    public bool Matches(string prefix, ReadOnlySpan<byte> body, ReadOnlySpan<byte> candidates)
    {
        Span<byte> expected = stackalloc byte[Size];
        var matched = false;
        foreach (var key in _keys)
        {
            Signatures.Hmac(Algorithm, key, prefix, body, expected);
            for (var offset = 0; offset + Size <= candidates.Length; offset += Size)
            {
                matched |= Signatures.Equal(expected, candidates.Slice(offset, Size));
            }
        }

        CryptographicOperations.ZeroMemory(expected);
        return matched;
    }
}
