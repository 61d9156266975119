using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;
using Mooring.Sandbox.Data;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.GitHub;

/// <summary>
/// GitHub REST: issues (list with state/since/sort/direction/per_page/page, get, create, update) and the current user.
/// As on GitHub, the issues list and get show pull requests too, each with a <c>pull_request</c> object.
/// </summary>
internal static class GitHubApiEndpoints
{
    private const string IssuesDocs = "https://docs.github.com/rest/issues/issues";

    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        group.MapGet("/user", (HttpContext context) => GitHubAuth.Check(state.Tokens, context.Request)
            ?? GitHubPaging.Conditional(context, GitHubJson.User(Api(context), GitHubInstance.DefaultUser, 1).ToJsonString())).Named("users.get-authenticated");

        group.MapGet("/repos/{owner}/{repo}/issues", (HttpContext context, string owner, string repo) =>
            GitHubAuth.Check(state.Tokens, context.Request) ?? List(context, state.GitHub.Issues(owner, repo), owner, repo)).Named("issues.list");

        group.MapGet("/repos/{owner}/{repo}/issues/{number:long}", (HttpContext context, string owner, string repo, long number) =>
        {
            var store = state.GitHub.Issues(owner, repo);
            return GitHubAuth.Check(state.Tokens, context.Request) ?? (store.Get(number - 1) is { Deleted: false } record
                ? GitHubPaging.Conditional(context, GitHubJson.Issue(Api(context), owner, repo, store, record).ToJsonString())
                : GitHubDialect.Message(404, "Not Found", IssuesDocs + "#get-an-issue"));
        }).Named("issues.get");

        group.MapPost("/repos/{owner}/{repo}/issues", async (HttpContext context, string owner, string repo) =>
        {
            if ((GitHubAuth.Check(state.Tokens, context.Request) ?? RequireToken(context)) is { } denied)
            {
                return denied;
            }

            var body = await ReadAsync(context).ConfigureAwait(false);
            if (body?["title"] is null)
            {
                return Unprocessable("title", "missing_field");
            }

            var store = state.GitHub.Issues(owner, repo);
            var fields = new JsonObject
            {
                ["title"] = body["title"]!.DeepClone(),
                ["body"] = body["body"]?.DeepClone(),
                ["state"] = "open",
                ["user"] = GitHubInstance.DefaultUser,
                ["pull_request"] = false,
            };
            var index = store.Create(state.Options.TimeProvider.GetUtcNow(), fields);
            var issue = GitHubJson.Issue(Api(context), owner, repo, store, store.Get(index)!.Value);
            context.Response.Headers.Location = issue["url"]!.GetValue<string>();
            return SandboxResults.Json(issue, StatusCodes.Status201Created);
        }).Named("issues.create");

        group.MapPatch("/repos/{owner}/{repo}/issues/{number:long}", async (HttpContext context, string owner, string repo, long number) =>
        {
            if ((GitHubAuth.Check(state.Tokens, context.Request) ?? RequireToken(context)) is { } denied)
            {
                return denied;
            }

            var body = await ReadAsync(context).ConfigureAwait(false) ?? [];
            if (body["state"]?.GetValue<string>() is { } s && s is not ("open" or "closed"))
            {
                return Unprocessable("state", "invalid");
            }

            var store = state.GitHub.Issues(owner, repo);
            var fields = new JsonObject();
            foreach (var name in (string[])["title", "body", "state"])
            {
                if (body[name] is { } value)
                {
                    fields[name] = value.DeepClone();
                }
            }

            return store.Update(number - 1, state.Options.TimeProvider.GetUtcNow(), fields)
                ? SandboxResults.Json(GitHubJson.Issue(Api(context), owner, repo, store, store.Get(number - 1)!.Value))
                : GitHubDialect.Message(404, "Not Found", IssuesDocs + "#update-an-issue");
        }).Named("issues.update");
    }

    private static IResult List(HttpContext context, RecordStore store, string owner, string repo)
    {
        var q = context.Request.Query;
        var wanted = q["state"].FirstOrDefault() ?? "open";
        DateTimeOffset? since = DateTimeOffset.TryParse(q["since"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s) ? s : null;
        var sort = q["sort"].FirstOrDefault() ?? "created";
        var ascending = q["direction"].FirstOrDefault() == "asc";
        var (page, perPage) = GitHubPaging.Read(context.Request);

        var matching = store.Scan(ascending ? 0 : store.Count - 1, descending: !ascending)
            .Where(r => !r.Deleted && (since is null || r.UpdatedAt >= since))
            .Where(r => wanted == "all" || (wanted == "open") == GitHubJson.IsOpen(store, r));
        if (sort == "updated")
        {
            // Only this order needs the matches in memory; the default (creation order) streams, so a million issues stay cheap.
            matching = ascending ? [.. matching.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Index)] : [.. matching.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Index)];
        }

        var lastPage = Math.Max(1, (matching.Count() + perPage - 1) / perPage);
        var api = Api(context);
        var items = new JsonArray([.. matching.Skip((page - 1) * perPage).Take(perPage).Select(r => (JsonNode)GitHubJson.Issue(api, owner, repo, store, r))]);
        if (GitHubPaging.Link(context.Request, page, lastPage) is { } link)
        {
            context.Response.Headers.Link = link;
        }

        return GitHubPaging.Conditional(context, items.ToJsonString());
    }

    private static IResult? RequireToken(HttpContext context) =>
        OAuth.BasicCredentials.Bearer(context.Request) is null ? GitHubDialect.Message(401, "Requires authentication") : null;

    private static IResult Unprocessable(string field, string code) => SandboxResults.Json(
        new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = new JsonArray(new JsonObject { ["resource"] = "Issue", ["code"] = code, ["field"] = field }),
            ["documentation_url"] = IssuesDocs,
            ["status"] = "422",
        },
        StatusCodes.Status422UnprocessableEntity);

    private static async Task<JsonObject?> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The API root as the client reached it (the prefix included), from which resource URLs are built.</summary>
    public static string Api(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var cut = path.IndexOf("/repos/", StringComparison.Ordinal);
        cut = cut < 0 ? path.IndexOf("/user", StringComparison.Ordinal) : cut;
        return UriHelper.BuildAbsolute(context.Request.Scheme, context.Request.Host, context.Request.PathBase, cut < 0 ? path : path[..cut]).TrimEnd('/');
    }
}
