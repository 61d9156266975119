namespace Mooring.Providers;

/// <summary>
/// How list endpoints page. Request parameters are names; response values are JSON pointers (RFC 6901).
/// An endpoint whose items live elsewhere names its own <see cref="Items"/> pointer when it is used.
/// </summary>
public sealed record PaginationSettings
{
    /// <summary>The paging style.</summary>
    /// <value>The default value is <see cref="PaginationStyle.None"/>.</value>
    public PaginationStyle Style { get; init; } = PaginationStyle.None;

    /// <summary>The request parameter that carries the cursor, token, last id, offset or page number.</summary>
    public string? CursorParameter { get; init; }

    /// <summary>A pointer to the next cursor or page token in the response; empty or missing means the last page.</summary>
    public string? NextCursor { get; init; }

    /// <summary>A pointer to a boolean that says whether there is another page.</summary>
    public string? HasMore { get; init; }

    /// <summary>A pointer to the array of items, where it is the same for every list endpoint.</summary>
    public string? Items { get; init; }

    /// <summary>A pointer, within one item, to its id (for <see cref="PaginationStyle.StartingAfter"/>).</summary>
    public string? ItemId { get; init; }

    /// <summary>The request parameter that sets the page size.</summary>
    public string? LimitParameter { get; init; }

    /// <summary>The page size Mooring asks for, within what the provider accepts.</summary>
    public int? PageSize { get; init; }
}
