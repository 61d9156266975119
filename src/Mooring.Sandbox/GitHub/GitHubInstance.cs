using System.Collections.Concurrent;
using Mooring.Sandbox.Data;

namespace Mooring.Sandbox.GitHub;

/// <summary>The emulated GitHub: every owner/repo exists and holds issues generated from the seed and the repository name.</summary>
internal sealed class GitHubInstance(SandboxOptions options)
{
    public const string DefaultUser = "sandbox-user";

    private readonly ConcurrentDictionary<string, RecordStore> _issues = new(StringComparer.OrdinalIgnoreCase);

    public Webhooks.WebhookFeed Feed { get; } = new();

    public RecordStore Issues(string owner, string repo) => _issues.GetOrAdd($"{owner}/{repo}", key =>
    {
        var store = new RecordStore("github:" + key.ToLowerInvariant(), options.Seed, options.Data.GitHubIssues, options.TimeProvider.GetUtcNow(), TimeSpan.FromHours(1), options.Data.ChangeRetention);
        store.Changed = change => Feed.Add(GitHubEvents.For(owner, repo, store, change));
        return store;
    });

    public IEnumerable<RecordStore> Stores() => _issues.Values;
}
