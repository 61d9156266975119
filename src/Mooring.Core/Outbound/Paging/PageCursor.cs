using System.Globalization;
using System.Text.Json;
using Mooring.Providers;
using Mooring.Providers.TokenResponses;

namespace Mooring.Outbound.Paging;

/// <summary>
/// Where the next page is, for each <see cref="PaginationStyle"/>: the parameter to send with the next request (a
/// cursor, page token, last id, offset or page number) or, for <see cref="PaginationStyle.LinkHeader"/>, the URL to get.
/// </summary>
internal sealed class PageCursor(PaginationSettings settings)
{
    private int _offset;
    private int _page = 1;

    /// <summary>The parameter for the next request; <see langword="null"/> with <see cref="NextUrl"/> unset means the last page was read.</summary>
    public KeyValuePair<string, string>? NextParameter { get; private set; }

    /// <summary>The next page's URL from the <c>Link</c> header.</summary>
    public Uri? NextUrl { get; private set; }

    /// <summary>The parameters of the first request: the page size, where the provider has one and the caller did not set it.</summary>
    public IEnumerable<KeyValuePair<string, string>> FirstParameters(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        if (settings.LimitParameter is { } limit && settings.PageSize is { } size && !query.Any(p => p.Key == limit))
        {
            yield return new(limit, size.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Reads where the next page is from the page just received; returns whether there is one.</summary>
    public bool Advance(JsonElement root, int count, JsonElement? last, HttpResponseMessage response)
    {
        NextParameter = null;
        NextUrl = null;
        switch (settings.Style)
        {
            case PaginationStyle.BodyCursor or PaginationStyle.PageToken:
                return Set(JsonPointer.String(root, settings.NextCursor));
            case PaginationStyle.StartingAfter:
                var more = JsonPointer.Boolean(root, settings.HasMore) == true;
                return more && last is { } item && Set(JsonPointer.String(item, settings.ItemId ?? "/id"));
            case PaginationStyle.LinkHeader:
                NextUrl = response.Headers.TryGetValues("Link", out var links) ? LinkHeader.Next(links) : null;
                return NextUrl is not null;
            case PaginationStyle.Offset:
                _offset += count;
                return IsFull(count) && Set(_offset.ToString(CultureInfo.InvariantCulture));
            case PaginationStyle.Page:
                _page++;
                return IsFull(count) && Set(_page.ToString(CultureInfo.InvariantCulture));
            default:
                return false;
        }
    }

    // Without a known page size, only an empty page ends the list.
    private bool IsFull(int count) => count > 0 && (settings.PageSize is not { } size || count >= size);

    private bool Set(string? value)
    {
        if (string.IsNullOrEmpty(value) || settings.CursorParameter is not { } name)
        {
            return false;
        }

        NextParameter = new(name, value);
        return true;
    }
}
