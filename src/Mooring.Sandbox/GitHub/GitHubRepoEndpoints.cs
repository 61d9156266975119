using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.GitHub;

/// <summary>GitHub REST: the repository (every owner/repo exists) and <c>/rate_limit</c>, which does not count against the limit.</summary>
internal static class GitHubRepoEndpoints
{
    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        group.MapGet("/repos/{owner}/{repo}", (HttpContext context, string owner, string repo) =>
        {
            if (GitHubAuth.Check(state.Tokens, context.Request) is { } denied)
            {
                return denied;
            }

            var api = GitHubApiEndpoints.Api(context);
            var store = state.GitHub.Issues(owner, repo);
            var id = (long)(SplitMix.Hash(state.Options.Seed, store.Salt, -2) % 900_000_000) + 100_000_000;
            var body = new JsonObject
            {
                ["id"] = id,
                ["node_id"] = "R_kgDO" + id.ToString(CultureInfo.InvariantCulture),
                ["name"] = repo,
                ["full_name"] = $"{owner}/{repo}",
                ["private"] = false,
                ["owner"] = GitHubJson.User(api, owner, 2),
                ["html_url"] = $"https://github.com/{owner}/{repo}",
                ["url"] = $"{api}/repos/{owner}/{repo}",
                ["issues_url"] = $"{api}/repos/{owner}/{repo}/issues{{/number}}",
                ["default_branch"] = "main",
                ["has_issues"] = true,
                ["open_issues_count"] = store.Scan(0, descending: false).Count(r => !r.Deleted && GitHubJson.IsOpen(store, r)),
                ["created_at"] = GitHubJson.Time(state.Options.TimeProvider.GetUtcNow().AddYears(-3)),
                ["updated_at"] = GitHubJson.Time(state.Options.TimeProvider.GetUtcNow()),
                ["visibility"] = "public",
            };
            return GitHubPaging.Conditional(context, body.ToJsonString());
        }).Named("repos.get");

        group.MapGet("/rate_limit", (HttpContext context) =>
        {
            var token = OAuth.BasicCredentials.Bearer(context.Request);
            var (limit, used, reset) = GitHubDialect.Usage(state, context, token);
            var core = new JsonObject { ["limit"] = limit, ["used"] = used, ["remaining"] = Math.Max(0, limit - used), ["reset"] = reset };
            return SandboxResults.Json(new JsonObject { ["resources"] = new JsonObject { ["core"] = core }, ["rate"] = core.DeepClone() });
        }).Named("rate_limit.get");
    }
}
