using System.Text.Json.Nodes;
using Mooring.Sandbox.Data;
using Mooring.Sandbox.Webhooks;

namespace Mooring.Sandbox.GitHub;

/// <summary>The <c>issues</c> webhook (opened, edited, deleted) as GitHub sends it, with a delivery GUID derived from the seed.</summary>
internal static class GitHubEvents
{
    private const string Api = "https://api.github.com";

    public static WebhookMessage For(string owner, string repo, RecordStore store, Change change)
    {
        var record = store.Get(change.Index)!.Value;
        var body = new JsonObject
        {
            ["action"] = change.Kind switch { ChangeKind.Created => "opened", ChangeKind.Deleted => "deleted", _ => "edited" },
            ["issue"] = GitHubJson.Issue(Api, owner, repo, store, record with { Deleted = false }),
            ["repository"] = new JsonObject
            {
                ["name"] = repo,
                ["full_name"] = $"{owner}/{repo}",
                ["private"] = false,
                ["owner"] = GitHubJson.User(Api, owner, 2),
                ["html_url"] = $"https://github.com/{owner}/{repo}",
            },
            ["sender"] = GitHubJson.User(Api, GitHubInstance.DefaultUser, 1),
        };
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), SplitMix.Hash(store.Seed, store.Salt + ":delivery", change.Sequence));
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 8), SplitMix.Hash(store.Seed, store.Salt + ":delivery2", change.Sequence));
        var delivery = new Guid(bytes).ToString();
        return new WebhookMessage(delivery, "issues", body.ToJsonString());
    }
}
