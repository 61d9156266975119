namespace Mooring.Storage.Relational;

/// <summary>A <see cref="SyncRunRequest"/> as the <c>sync_state.requested</c> column holds it: <c>full</c>, <c>full!</c> (forced), <c>incremental</c>, <c>webhook</c>.</summary>
internal static class SyncRequestText
{
    public static string Of(SyncRunRequest request) => EnumText.Of(request.Kind) + (request.Force ? "!" : string.Empty);

    public static SyncRunRequest? Parse(string? text) => text is null
        ? null
        : new SyncRunRequest(EnumText.Parse<SyncRunKind>(text.TrimEnd('!')), text.EndsWith('!'));
}
