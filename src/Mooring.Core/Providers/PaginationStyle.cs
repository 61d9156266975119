namespace Mooring.Providers;

/// <summary>How a list endpoint hands out the next page.</summary>
public enum PaginationStyle
{
    /// <summary>Lists are not paged.</summary>
    None,

    /// <summary>An opaque cursor in the response body, sent back as a parameter (Slack's <c>response_metadata.next_cursor</c>).</summary>
    BodyCursor,

    /// <summary>The id of the last item is sent as a parameter while the body says there is more (Stripe's <c>starting_after</c> and <c>has_more</c>).</summary>
    StartingAfter,

    /// <summary>A page token in the body, sent back as a parameter (Google's <c>nextPageToken</c> and <c>pageToken</c>).</summary>
    PageToken,

    /// <summary>The next page's URL in the <c>Link</c> header with <c>rel="next"</c> (RFC 8288; GitHub).</summary>
    LinkHeader,

    /// <summary>An item offset parameter, advanced by the page size.</summary>
    Offset,

    /// <summary>A page number parameter, advanced by one.</summary>
    Page,
}
