using System.Globalization;
using System.Net;
using Mooring.Outbound;

namespace Mooring.Sync.Providers;

/// <summary>
/// GitHub issues (and pull requests, as GitHub lists them) of the repository in the connection's metadata
/// <c>repository</c> (<c>owner/name</c>). Changes are those updated <c>since</c> the last pass started, less a
/// 5-minute overlap for clock skew (upserts are idempotent, so the overlap costs nothing but a re-read); the first
/// page's ETag goes with the cursor, so an unchanged repository answers 304, which costs no rate limit. GitHub's REST
/// API has no deletion feed: deleted issues are found by the full pass.
/// </summary>
public sealed class GitHubIssuesSync : SyncDefinition
{
    private const int PageSize = 100;
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    /// <inheritdoc/>
    public override string Provider => "github";

    /// <inheritdoc/>
    public override string Model => "github-issues";

    /// <inheritdoc/>
    public override IReadOnlyList<string> WebhookEventTypes => ["issues"];

    /// <inheritdoc/>
    public override Task<string?> GetChangeCursorAsync(SyncContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<string?>(Cursor(context.Time.GetUtcNow(), null));
    }

    /// <inheritdoc/>
    public override async Task<SyncPage> ListAllAsync(SyncContext context, string? pageToken, CancellationToken cancellationToken)
    {
        var page = pageToken is null ? 1 : int.Parse(pageToken, CultureInfo.InvariantCulture);
        var (items, more, _, _) = await ListAsync(context, $"state=all&sort=created&direction=asc&per_page={PageSize}&page={page}", null, cancellationToken).ConfigureAwait(false);
        return new SyncPage(items, more ? (page + 1).ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <inheritdoc/>
    public override async Task<SyncPage> ListChangesAsync(SyncContext context, string cursor, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cursor);
        var (since, etag) = Parse(cursor);

        // The page token carries the page and the pass's start, which becomes the next cursor.
        var parts = pageToken?.Split('|');
        var page = parts is null ? 1 : int.Parse(parts[0], CultureInfo.InvariantCulture);
        var started = parts is null ? context.Time.GetUtcNow() : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[1], CultureInfo.InvariantCulture));
        var query = $"state=all&sort=updated&direction=asc&per_page={PageSize}&page={page}&since={Uri.EscapeDataString((since - Overlap).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}";
        var (items, more, notModified, newEtag) = await ListAsync(context, query, page == 1 ? etag : null, cancellationToken).ConfigureAwait(false);
        if (notModified)
        {
            return new SyncPage([], null, cursor);
        }

        if (more)
        {
            return new SyncPage(items, $"{page + 1}|{started.ToUnixTimeMilliseconds()}|");
        }

        // Nothing changed: keep the same query, whose ETag makes the next poll a free 304. Else move on to this pass's start.
        return page == 1 && items.Count == 0
            ? new SyncPage(items, null, Cursor(since, newEtag))
            : new SyncPage(items, null, Cursor(started, null));
    }

    private static string Cursor(DateTimeOffset since, string? etag) => $"{since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}|{etag}";

    private static (DateTimeOffset Since, string? ETag) Parse(string cursor)
    {
        var bar = cursor.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && long.TryParse(cursor.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? (DateTimeOffset.FromUnixTimeMilliseconds(ms), bar + 1 < cursor.Length ? cursor[(bar + 1)..] : null)
            : throw new SyncCursorExpiredException($"'{cursor}' is not a GitHub issues cursor.");
    }

    private static async Task<(List<SyncItem> Items, bool More, bool NotModified, string? ETag)> ListAsync(SyncContext context, string query, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var repository = context.Connection.Metadata.GetValueOrDefault("repository")
            ?? throw new ProviderApiException($"GitHub connection '{context.Connection.Id}' has no 'repository' metadata (owner/name) to sync issues from.")
            {
                Category = ProviderErrorCategory.Validation,
                Provider = context.Connection.Provider,
                ConnectionId = context.Connection.Id,
                Operation = "GET /repos/{owner}/{repo}/issues",
                Parameter = "repository",
            };
        using var response = await SyncHttp.GetAsync(context, $"repos/{repository}/issues?{query}", cancellationToken, etag).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return ([], false, true, etag);
        }

        using var json = await SyncHttp.ReadAsync(context, response, cancellationToken).ConfigureAwait(false);
        var items = json.RootElement.EnumerateArray()
            .Select(i => SyncItem.Record(
                i.GetProperty("number").GetInt64().ToString(CultureInfo.InvariantCulture),
                i,
                i.TryGetProperty("updated_at", out var u) && u.TryGetDateTimeOffset(out var at) ? at : null))
            .ToList();
        var more = response.Headers.TryGetValues("Link", out var links) && links.Any(l => l.Contains("rel=\"next\"", StringComparison.Ordinal));
        return (items, more, false, response.Headers.ETag?.ToString());
    }
}
