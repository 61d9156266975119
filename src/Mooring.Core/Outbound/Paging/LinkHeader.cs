namespace Mooring.Outbound.Paging;

/// <summary>Reads the target of <c>rel="next"</c> from RFC 8288 <c>Link</c> headers (<c>&lt;url&gt;; rel="next", &lt;url&gt;; rel="last"</c>).</summary>
internal static class LinkHeader
{
    public static Uri? Next(IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            var rest = value.AsSpan();
            while (rest.IndexOf('<') is var open and >= 0 && rest[open..].IndexOf('>') is var length and > 0)
            {
                var target = rest.Slice(open + 1, length - 1);
                rest = rest[(open + length + 1)..];
                var end = rest.IndexOf('<');
                var parameters = end >= 0 ? rest[..end] : rest;
                if (IsNext(parameters) && Uri.TryCreate(target.ToString(), UriKind.Absolute, out var uri))
                {
                    return uri;
                }
            }
        }

        return null;
    }

    // rel may list several space-separated relation types: rel="next last".
    private static bool IsNext(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (parameter.StartsWith("rel=", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var type in parameter[4..].Trim(" ,\"").ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (type.Equals("next", StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
