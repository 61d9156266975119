using Mooring.Providers.RateLimits;

namespace Mooring.Core.Tests.Providers;

public sealed class EndpointMatcherTests
{
    [Theory]
    [InlineData("slack", "POST", "/chat.postMessage", "chat-post-message")]
    [InlineData("slack", "GET", "/conversations.list?limit=200", "tier2")]
    [InlineData("slack", "POST", "/conversations.history", "tier3")]
    [InlineData("slack", "POST", "/auth.test", null)]
    [InlineData("github", "post", "/repos/octo/hello/issues", "content-creation")]
    [InlineData("github", "GET", "/search/issues", "search")]
    [InlineData("github", "GET", "/repos/octo/hello/issues", null)]
    [InlineData("google-mail", "POST", "/users/me/messages/send", "messages.send")]
    [InlineData("google-mail", "GET", "/users/me/messages", "messages.list")]
    [InlineData("google-mail", "GET", "/users/me/messages/18c1f", "messages.get")]
    [InlineData("google-mail", "GET", "/users/me/history", "history.list")]
    [InlineData("stripe", "GET", "/v1/customers/search", "search")]
    [InlineData("stripe", "POST", "/v1/files", "files")]
    [InlineData("stripe", "GET", "/v1/customers", null)]
    public void Find_BuiltInPolicies_ClassifyDocumentedEndpoints(string provider, string method, string path, string? expected)
    {
        var policy = CatalogFactory.LoadValid(provider).RateLimits;

        EndpointMatcher.Find(policy, method, path)?.Name.ShouldBe(expected);
        (EndpointMatcher.Find(policy, method, path) is null).ShouldBe(expected is null);
    }

    [Theory]
    [InlineData("/v1/files/**", "/v1/files", true)]
    [InlineData("/v1/files/**", "/v1/files/a/b", true)]
    [InlineData("/**/search", "/v1/customers/search", true)]
    [InlineData("/users/*/messages", "/users/me/messages/x", false)]
    [InlineData("/v1/*.json", "/v1/data.json", true)]
    [InlineData("/v1/a*b*c", "/v1/abc", true)]
    [InlineData("/v1/a*b*c", "/v1/acb", false)]
    public void Matches_Wildcards_FollowSegments(string pattern, string path, bool expected)
    {
        EndpointMatcher.Matches(pattern, "GET", path).ShouldBe(expected);
    }
}
