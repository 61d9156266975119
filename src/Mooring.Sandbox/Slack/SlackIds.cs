using System.Globalization;

namespace Mooring.Sandbox.Slack;

/// <summary>Slack-looking identifiers (<c>C0AB0000001F</c>): an upper-case kind letter, a seed tag, the index in base 36.</summary>
internal static class SlackIds
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string Encode(char kind, int seed, long index)
    {
        var chars = new char[8];
        for (var i = 7; i >= 0; i--)
        {
            chars[i] = Digits[(int)(index % 36)];
            index /= 36;
        }

        return kind + Tag(seed) + new string(chars);
    }

    public static long? Decode(char kind, int seed, string? id)
    {
        if (id is null || id.Length != 11 || id[0] != kind || id.Substring(1, 2) != Tag(seed))
        {
            return null;
        }

        long value = 0;
        foreach (var c in id.AsSpan(3))
        {
            var d = Digits.IndexOf(c, StringComparison.Ordinal);
            if (d < 0)
            {
                return null;
            }

            value = (value * 36) + d;
        }

        return value;
    }

    /// <summary>A message timestamp: Unix seconds and a per-record suffix, unique within a channel as Slack's are.</summary>
    public static string Ts(DateTimeOffset at, long index) =>
        at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "." + (index % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    private static string Tag(int seed)
    {
        var h = SplitMix.Hash(seed, "slack", 0);
        return new string([Digits[10 + (int)(h % 26)], Digits[10 + (int)((h >> 8) % 26)]]);
    }
}
