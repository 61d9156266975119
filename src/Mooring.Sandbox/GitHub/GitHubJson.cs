using System.Globalization;
using System.Text.Json.Nodes;
using Mooring.Sandbox.Data;

namespace Mooring.Sandbox.GitHub;

/// <summary>GitHub's issue and user objects (REST API 2022-11-28 shapes); a pull request as the issues list shows it.</summary>
internal static class GitHubJson
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static bool IsOpen(RecordStore store, RecordState record) =>
        store.Fields(record.Index)?["state"]?.GetValue<string>() is { } state
            ? state == "open"
            : SplitMix.Hash(store.Seed, store.Salt + ":state", (record.Index * 31) + record.Version) % 4 != 0;

    public static JsonObject Issue(string api, string owner, string repo, RecordStore store, RecordState record)
    {
        var number = record.Index + 1;
        var fields = store.Fields(record.Index);
        var open = IsOpen(store, record);
        var pull = IsPullRequest(store, record, fields);
        var repoUrl = $"{api}/repos/{owner}/{repo}";
        var htmlUrl = $"https://github.com/{owner}/{repo}/{(pull ? "pull" : "issues")}/{number}";
        var id = 1_000_000_000 + ((long)(SplitMix.Hash(store.Seed, store.Salt + ":id", 0) % 1_000_000) * 1000) + number;
        var issue = new JsonObject
        {
            ["url"] = $"{repoUrl}/issues/{number}",
            ["repository_url"] = repoUrl,
            ["labels_url"] = $"{repoUrl}/issues/{number}/labels{{/name}}",
            ["comments_url"] = $"{repoUrl}/issues/{number}/comments",
            ["events_url"] = $"{repoUrl}/issues/{number}/events",
            ["html_url"] = htmlUrl,
            ["id"] = (long)id,
            ["node_id"] = (pull ? "PR_kwDO" : "I_kwDO") + Convert.ToBase64String(BitConverter.GetBytes((long)id)).TrimEnd('='),
            ["number"] = number,
            ["title"] = fields?["title"]?.GetValue<string>() ?? Names.Sentence(store.Seed, store.Salt, record.Index, record.Version),
            ["user"] = User(api, DefaultLogin(store, record), 1 + (record.Index % 7)),
            ["labels"] = new JsonArray(),
            ["state"] = open ? "open" : "closed",
            ["locked"] = false,
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["milestone"] = null,
            ["comments"] = (int)(SplitMix.Hash(store.Seed, store.Salt + ":comments", record.Index) % 12),
            ["created_at"] = Time(record.CreatedAt),
            ["updated_at"] = Time(record.UpdatedAt),
            ["closed_at"] = open ? null : Time(record.UpdatedAt),
            ["author_association"] = "MEMBER",
            ["active_lock_reason"] = null,
            ["body"] = fields?["body"]?.GetValue<string>() ?? Names.Sentence(store.Seed, store.Salt + ":body", record.Index, record.Version, 12),
            ["state_reason"] = open || pull ? null : "completed",
        };
        if (pull)
        {
            // A closed pull request of the emulator was merged when it was closed.
            issue["draft"] = false;
            issue["pull_request"] = new JsonObject
            {
                ["url"] = $"{repoUrl}/pulls/{number}",
                ["html_url"] = htmlUrl,
                ["diff_url"] = htmlUrl + ".diff",
                ["patch_url"] = htmlUrl + ".patch",
                ["merged_at"] = open ? null : Time(record.UpdatedAt),
            };
        }

        return issue;
    }

    public static JsonObject User(string api, string login, long id) => new()
    {
        ["login"] = login,
        ["id"] = id,
        ["node_id"] = "MDQ6VXNlcj" + id.ToString(CultureInfo.InvariantCulture),
        ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{id}?v=4",
        ["url"] = $"{api}/users/{login}",
        ["html_url"] = $"https://github.com/{login}",
        ["type"] = "User",
        ["site_admin"] = false,
    };

    /// <summary>
    /// Whether the record is a pull request, which GitHub lists among the issues (with a <c>pull_request</c> object): one
    /// generated record in five, picked from the seed; never an issue created through the API.
    /// </summary>
    private static bool IsPullRequest(RecordStore store, RecordState record, JsonObject? fields) =>
        fields?["pull_request"]?.GetValue<bool>() ?? SplitMix.Hash(store.Seed, store.Salt + ":pull", record.Index) % 5 == 0;

    private static string DefaultLogin(RecordStore store, RecordState record) =>
        store.Fields(record.Index)?["user"]?.GetValue<string>() ?? Names.Person(store.Seed, "github:user", record.Index % 7).Last.ToLowerInvariant();
}
