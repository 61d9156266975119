namespace Mooring.Sandbox;

/// <summary>SplitMix64's finaliser: a cheap, well-mixed hash that makes seeded data and faults pure functions of their inputs.</summary>
internal static class SplitMix
{
    public static ulong Mix(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }

    public static ulong Hash(int seed, string salt, long index)
    {
        var h = (ulong)(uint)seed;
        foreach (var c in salt)
        {
            h = Mix(h ^ c);
        }

        return Mix(h ^ (ulong)index);
    }
}
