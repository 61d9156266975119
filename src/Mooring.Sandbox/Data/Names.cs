namespace Mooring.Sandbox.Data;

/// <summary>Deterministic, plausible text for generated records.</summary>
internal static class Names
{
    private static readonly string[] First = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Tim", "Margaret", "Linus"];
    private static readonly string[] Last = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Berners-Lee", "Hamilton", "Torvalds"];
    private static readonly string[] Words = ["sync", "token", "webhook", "retry", "invoice", "calendar", "release", "deploy", "rate", "limit", "cursor", "backfill", "quay", "mooring", "tide"];

    public static (string First, string Last) Person(int seed, string salt, long index)
    {
        var h = SplitMix.Hash(seed, salt, index);
        return (First[(int)(h % (ulong)First.Length)], Last[(int)((h >> 16) % (ulong)Last.Length)]);
    }

    public static string Sentence(int seed, string salt, long index, int version, int words = 5)
    {
        var parts = new string[words];
        for (var w = 0; w < words; w++)
        {
            var h = SplitMix.Hash(seed, salt, (index * 7919) + (version * 104729) + w);
            parts[w] = Words[(int)(h % (ulong)Words.Length)];
        }

        return char.ToUpperInvariant(parts[0][0]) + string.Join(' ', parts)[1..];
    }
}
