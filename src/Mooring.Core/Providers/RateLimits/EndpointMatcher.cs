namespace Mooring.Providers.RateLimits;

/// <summary>
/// Finds the endpoint class of a request: patterns are <c>[METHOD ]/path</c> relative to the API base URL,
/// where <c>*</c> matches within one path segment and a <c>**</c> segment matches any number of segments.
/// </summary>
internal static class EndpointMatcher
{
    /// <summary>The first class with a pattern that matches, or <see langword="null"/>.</summary>
    public static EndpointRateLimit? Find(RateLimitPolicy policy, string method, string path) =>
        policy.Endpoints.FirstOrDefault(endpoint => MatchingPattern(endpoint, method, path) is not null);

    /// <summary>The first pattern of <paramref name="endpoint"/> that matches, which names the count when it is per pattern.</summary>
    public static string? MatchingPattern(EndpointRateLimit endpoint, string method, string path) =>
        endpoint.Match.FirstOrDefault(pattern => Matches(pattern, method, path));

    public static bool Matches(string pattern, string method, string path)
    {
        var space = pattern.IndexOf(' ', StringComparison.Ordinal);
        if (space >= 0 && !string.Equals(pattern[..space], method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var patternPath = space >= 0 ? pattern[(space + 1)..] : pattern;
        return MatchSegments(Segments(patternPath), Segments(path));
    }

    private static string[] Segments(string path)
    {
        var query = path.IndexOfAny(['?', '#']);
        return (query >= 0 ? path[..query] : path).Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool MatchSegments(ReadOnlySpan<string> pattern, ReadOnlySpan<string> path)
    {
        if (pattern.IsEmpty)
        {
            return path.IsEmpty;
        }

        if (pattern[0] == "**")
        {
            for (var skip = 0; skip <= path.Length; skip++)
            {
                if (MatchSegments(pattern[1..], path[skip..]))
                {
                    return true;
                }
            }

            return false;
        }

        return !path.IsEmpty && MatchSegment(pattern[0], path[0]) && MatchSegments(pattern[1..], path[1..]);
    }

    // A glob within one segment: '*' matches any run of characters.
    private static bool MatchSegment(string pattern, string segment)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, segment, StringComparison.Ordinal);
        }

        if (!segment.StartsWith(parts[0], StringComparison.Ordinal) || !segment.EndsWith(parts[^1], StringComparison.Ordinal) ||
            segment.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var position = parts[0].Length;
        var end = segment.Length - parts[^1].Length;
        foreach (var part in parts[1..^1])
        {
            var found = segment.IndexOf(part, position, end - position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return true;
    }
}
