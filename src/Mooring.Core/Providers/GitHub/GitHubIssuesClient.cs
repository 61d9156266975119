using System.Runtime.CompilerServices;
using Mooring.Connections;
using Mooring.Outbound;

namespace Mooring.Providers.GitHub;

/// <summary>GitHub issues for a connection, through Mooring's outbound pipeline.</summary>
public sealed class GitHubIssuesClient
{
    private readonly IProviderApi _api;

    /// <summary>Creates the client over <paramref name="api"/>.</summary>
    public GitHubIssuesClient(IProviderApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
    }

    /// <summary>
    /// The issues of <paramref name="owner"/>/<paramref name="repository"/> in <paramref name="state"/> (<c>open</c>,
    /// <c>closed</c> or <c>all</c>), every page (Link header). Issues only: GitHub lists pull requests among the issues
    /// (each with a <c>pull_request</c> object), and they are left out here; list them with
    /// <see cref="IProviderApi.ListAsync"/> on the same path, or on <c>repos/{owner}/{repo}/pulls</c>.
    /// </summary>
    /// <exception cref="ProviderApiException">GitHub refused (a missing repository is <see cref="ProviderErrorCategory.NotFound"/>) or failed a page.</exception>
    public async IAsyncEnumerable<GitHubIssue> ListIssuesAsync(
        ConnectionId connectionId, string owner, string repository, string state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(state);
        var request = new ProviderRequest(HttpMethod.Get, $"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repository)}/issues")
        {
            Operation = "GET /repos/{owner}/{repo}/issues",
            Query = [new("state", state)],
        };
        await foreach (var issue in _api.ListAsync(connectionId, request, cancellationToken).ConfigureAwait(false))
        {
            if (issue.TryGetProperty("pull_request", out _))
            {
                continue;
            }

            yield return new GitHubIssue(
                issue.GetProperty("number").GetInt32(),
                issue.GetProperty("title").GetString()!,
                issue.GetProperty("state").GetString()!,
                issue.GetProperty("updated_at").GetDateTimeOffset());
        }
    }
}
