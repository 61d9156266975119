using System.Collections.Concurrent;
using System.Text;

namespace Mooring.Storage.Relational;

/// <summary>Enums are stored as snake_case text (<c>needs_reconnect</c>), readable in a SQL shell and stable across reordering.</summary>
internal static class EnumText
{
    public static string Of<T>(T value)
        where T : struct, Enum => Cache<T>.Names.GetOrAdd(value, static v => ToSnake(v.ToString()));

    public static T Parse<T>(string text)
        where T : struct, Enum =>
        Enum.TryParse<T>(text.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var value)
            ? value
            : throw new StoreException($"The store holds '{text}' where a {typeof(T).Name} was expected; was it written by a newer Mooring?");

    private static string ToSnake(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>The names of one enum type, keyed by the value itself: no boxing per lookup, as an <see cref="Enum"/> key would need.</summary>
    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly ConcurrentDictionary<T, string> Names = new();
    }
}
