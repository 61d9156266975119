using Mooring.Providers.Loading;

namespace Mooring.Providers.Validation;

/// <summary>Checks that a pagination style has the values it needs.</summary>
internal static class PaginationValidator
{
    public static void Validate(PaginationSettings pagination, DefinitionErrors errors)
    {
        Rules.Defined(errors, "pagination.style", pagination.Style);
        Rules.Pointer(errors, "pagination.nextCursor", pagination.NextCursor);
        Rules.Pointer(errors, "pagination.hasMore", pagination.HasMore);
        Rules.Pointer(errors, "pagination.items", pagination.Items);
        Rules.Pointer(errors, "pagination.itemId", pagination.ItemId);
        Rules.Positive(errors, "pagination.pageSize", pagination.PageSize);

        var style = pagination.Style;
        if (style is PaginationStyle.BodyCursor or PaginationStyle.PageToken or PaginationStyle.StartingAfter
            or PaginationStyle.Offset or PaginationStyle.Page)
        {
            Rules.Required(errors, "pagination.cursorParameter", pagination.CursorParameter);
        }

        if (style is PaginationStyle.BodyCursor or PaginationStyle.PageToken)
        {
            Rules.Pointer(errors, "pagination.nextCursor", pagination.NextCursor, required: true);
        }

        if (style is PaginationStyle.StartingAfter)
        {
            Rules.Pointer(errors, "pagination.hasMore", pagination.HasMore, required: true);
            Rules.Pointer(errors, "pagination.items", pagination.Items, required: true);
            Rules.Pointer(errors, "pagination.itemId", pagination.ItemId, required: true);
        }

        if (style is PaginationStyle.Offset)
        {
            Rules.Required(errors, "pagination.limitParameter", pagination.LimitParameter);
        }
    }
}
