using Mooring.Outbound.Tests.Infrastructure;
using Mooring.Sandbox;
using Mooring.Sandbox.Faults;
using Octokit;
using Octokit.Internal;
using Stripe;

namespace Mooring.Outbound.Tests.Sdk;

/// <summary>
/// The official SDKs keep their API and gain Mooring's pipeline: Stripe.net over a client from
/// <see cref="IProviderHttpClientFactory"/>, Octokit over its handler. A fault at the provider is retried by Mooring
/// (the SDKs' own retries are off) and the SDK never sees it.
/// </summary>
public sealed class SdkThroughPipelineTests : OutboundTestBase
{
    [Fact]
    public async Task StripeNet_CreateCustomerAfterA503_IsRetriedByMooringWithOneIdempotencyKey()
    {
        var connection = await Host.ApiKeyConnectionAsync("stripe");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.Stripe, Endpoint = "customers.create", Kind = FaultKind.Status, StatusCode = 503, MaxHits = 1 });
        using var http = await Host.Get<IProviderHttpClientFactory>().CreateClientAsync(connection.Id, CallPriority.Interactive, Ct);
        var stripe = new StripeClient(
            "sk_test_placeholder_mooring_sets_the_real_key",
            httpClient: new SystemNetHttpClient(http, maxNetworkRetries: 0),
            apiBase: Host.Sandbox.AddressOf(SandboxProvider.Stripe).AbsoluteUri.TrimEnd('/'));

        var customer = await Host.DriveAsync(new CustomerService(stripe).CreateAsync(new CustomerCreateOptions { Email = "ada@example.com" }, cancellationToken: Ct));

        customer.Email.ShouldBe("ada@example.com");
        Host.Sandbox.Control.FaultLog.Count.ShouldBe(1);
        var posts = Host.Wire.Requests.Where(r => r.Method == "POST").ToList();
        posts.Count.ShouldBe(2);
        posts.Select(p => p.Headers["Idempotency-Key"]).Distinct().Count().ShouldBe(1);
        posts.ShouldAllBe(p => p.Headers["Authorization"] == "Bearer " + Host.Sandbox.Control.Options.StripeApiKey);
    }

    [Fact]
    public async Task Octokit_ListIssuesAfterA503_IsRetriedByMooring()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");
        Host.Sandbox.Control.AddFault(new FaultRule { Provider = SandboxProvider.GitHub, Endpoint = "issues.list", Kind = FaultKind.Status, StatusCode = 503, MaxHits = 1 });
        var github = OctokitFor(connection.Id);

        var issues = await Host.DriveAsync(github.Issue.GetAllForRepository("octo-org", "octo-repo", new RepositoryIssueRequest { State = ItemStateFilter.All }));

        issues.Count.ShouldBe(75);
        Host.Sandbox.Control.FaultLog.Count.ShouldBe(1);
        Host.Wire.Requests.ShouldAllBe(r => r.Headers["Authorization"].StartsWith("Bearer ", StringComparison.Ordinal));
        Host.Wire.Requests.Count.ShouldBeGreaterThan(1);
        Host.Wire.Requests.ShouldAllBe(r => r.Uri.AbsolutePath.StartsWith("/github/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Octokit_SeesThePullRequestsInTheIssuesList_ThatGitHubIssuesClientLeavesOut()
    {
        var connection = await Host.OAuthConnectionAsync("github", SandboxProvider.GitHub, "repo");

        var octokit = await OctokitFor(connection.Id).Issue.GetAllForRepository("octo-org", "octo-repo", new RepositoryIssueRequest { State = ItemStateFilter.All });
        var mooring = await Host.Get<Providers.GitHub.GitHubIssuesClient>().ListIssuesAsync(connection.Id, "octo-org", "octo-repo", "all", Ct).ToListAsync(Ct);

        var pulls = octokit.Where(i => i.PullRequest is not null).ToList();
        pulls.ShouldNotBeEmpty();
        pulls.ShouldAllBe(p => p.HtmlUrl.Contains("/pull/", StringComparison.Ordinal) && p.PullRequest.HtmlUrl == p.HtmlUrl);
        mooring.Select(i => i.Number).ShouldBe(octokit.Where(i => i.PullRequest is null).Select(i => i.Number));
    }

    /// <summary>Octokit over Mooring's handler for <paramref name="connection"/>, which adds the token.</summary>
    private GitHubClient OctokitFor(Connections.ConnectionId connection)
    {
        var factory = Host.Get<IProviderHttpClientFactory>();
        return new GitHubClient(new Octokit.Connection(
            new ProductHeaderValue("mooring-tests"),
            Host.Sandbox.AddressOf(SandboxProvider.GitHub), // a Connection takes its base address as given: no /api/v3/
            new InMemoryCredentialStore(Credentials.Anonymous),
            new HttpClientAdapter(() => factory.CreateHandler(connection, CallPriority.Background)),
            new SimpleJsonSerializer()));
    }
}
