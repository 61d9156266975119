namespace Mooring.Sandbox.Data;

/// <summary>
/// Reversible, seed-dependent identifiers in the providers' own look (<c>cus_</c> + 14 alphanumerics), so a
/// record's id is a pure function of its index and an id maps back to the index without a lookup table.
/// </summary>
internal static class SandboxIds
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int Width = 11;

    public static string Encode(string prefix, int seed, long index)
    {
        var value = (ulong)index ^ Mask(seed, prefix);
        Span<char> chars = stackalloc char[Width];
        for (var i = Width - 1; i >= 0; i--)
        {
            chars[i] = Base62[(int)(value % 62)];
            value /= 62;
        }

        return prefix + Tag(seed, prefix) + new string(chars);
    }

    public static long? Decode(string prefix, int seed, string? id)
    {
        var tag = Tag(seed, prefix);
        if (id is null || id.Length != prefix.Length + tag.Length + Width || !id.StartsWith(prefix + tag, StringComparison.Ordinal))
        {
            return null;
        }

        ulong value = 0;
        foreach (var c in id.AsSpan(prefix.Length + tag.Length))
        {
            var digit = Base62.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            value = unchecked((value * 62) + (ulong)digit);
        }

        var index = (long)(value ^ Mask(seed, prefix));
        return index >= 0 ? index : null;
    }

    private static ulong Mask(int seed, string prefix) => SplitMix.Hash(seed, prefix, 0) & 0x7FFF_FFFF_FFFF_FFFFUL;

    private static string Tag(int seed, string prefix)
    {
        var h = SplitMix.Hash(seed, prefix, 1);
        return new string([Base62[(int)(h % 62)], Base62[(int)((h >> 8) % 62)], Base62[(int)((h >> 16) % 62)]]);
    }
}
