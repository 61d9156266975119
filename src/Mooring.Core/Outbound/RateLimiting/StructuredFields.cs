using System.Globalization;

namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// Just enough of RFC 8941 structured fields for the rate-limit headers: lists of items with parameters, and
/// dictionaries of <c>key=value</c>. Members and parameters are split outside quoted strings.
/// </summary>
internal static class StructuredFields
{
    public static IReadOnlyList<Member> List(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return [];
        }

        var members = new List<Member>();
        foreach (var text in Split(field, ','))
        {
            var parts = Split(text, ';');
            var item = parts[0];
            if (item.Length == 0 || (item.Contains('=', StringComparison.Ordinal) && !item.StartsWith('"')))
            {
                continue; // A dictionary member, not a list item.
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var parameter in parts.Skip(1))
            {
                var equals = parameter.IndexOf('=', StringComparison.Ordinal);
                parameters[equals < 0 ? parameter : parameter[..equals]] = equals < 0 ? "?1" : Unquote(parameter[(equals + 1)..]);
            }

            members.Add(new Member(item, parameters));
        }

        return members;
    }

    public static IReadOnlyDictionary<string, string> Dictionary(string? field)
    {
        var entries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in string.IsNullOrWhiteSpace(field) ? [] : Split(field, ','))
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && !text.StartsWith('"'))
            {
                entries[text[..equals].Trim()] = Unquote(Split(text[(equals + 1)..], ';')[0]);
            }
        }

        return entries;
    }

    private static List<string> Split(string text, char separator)
    {
        var parts = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"' && (i == 0 || text[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (text[i] == separator && !quoted)
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(text[start..].Trim());
        return parts;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : value.Trim();

    /// <summary>One list member: its bare item and its parameters.</summary>
    internal sealed record Member(string Item, IReadOnlyDictionary<string, string> Parameters)
    {
        /// <summary>The item as a name: a quoted string or a token, not an integer.</summary>
        public string? StringItem => Item.StartsWith('"') ? Unquote(Item) : IntegerItem is null ? Item : null;

        public int? IntegerItem => ToInteger(Item);

        public int? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? ToInteger(value) : null;

        private static int? ToInteger(string value) =>
            long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0 ? (int)Math.Min(number, int.MaxValue) : null;
    }
}
