using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Mooring.Sandbox.Control;
using Mooring.Sandbox.GitHub;
using Mooring.Sandbox.Google;
using Mooring.Sandbox.Hosting;
using Mooring.Sandbox.OAuth;
using Mooring.Sandbox.Slack;
using Mooring.Sandbox.Stripe;

namespace Mooring.Sandbox;

/// <summary>Mounts the emulators registered by <c>AddSandbox</c>.</summary>
public static class SandboxEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every emulator under <paramref name="prefix"/>: <c>/slack</c>, <c>/stripe</c>, <c>/google</c>, <c>/github</c>,
    /// <c>/oauth</c>, and the control API at <c>/_sandbox</c>. With an empty prefix the GitHub API is also served at
    /// <c>/api/v3</c>, the GitHub Enterprise Server path that Octokit uses for any base address other than github.com.
    /// </summary>
    /// <param name="endpoints">The route builder of an app whose services include <c>AddSandbox</c>.</param>
    /// <param name="prefix">A path prefix such as <c>/sandbox</c>, or empty.</param>
    /// <returns>The group of all sandbox endpoints, to add conventions (host filters, authorization) to.</returns>
    public static RouteGroupBuilder MapSandbox(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var state = endpoints.ServiceProvider.GetRequiredService<SandboxState>();
        var root = endpoints.MapGroup(prefix);
        Provider(root, state, "/slack", new SlackDialect(state), g =>
        {
            SlackOAuthEndpoints.Map(g, state);
            SlackApiEndpoints.Map(g, state);
        });
        Provider(root, state, "/stripe", new StripeDialect(state), g =>
        {
            StripeConnectEndpoints.Map(g, state);
            StripeApiEndpoints.Map(g, state);
        });
        Provider(root, state, "/google", new GoogleDialect(state), g =>
        {
            GoogleOAuthEndpoints.Map(g, state);
            GmailEndpoints.Map(g, state);
            CalendarEndpoints.Map(g, state);
            CalendarWatchEndpoints.Map(g, state);
        });
        Provider(root, state, "/github", new GitHubDialect(state), g =>
        {
            GitHubOAuthEndpoints.Map(g, state);
            GitHubApiEndpoints.Map(g, state);
            GitHubRepoEndpoints.Map(g, state);
        });
        if (string.IsNullOrEmpty(prefix))
        {
            Provider(root, state, "/api/v3", new GitHubDialect(state), g =>
            {
                GitHubApiEndpoints.Map(g, state);
                GitHubRepoEndpoints.Map(g, state);
            });
        }

        Provider(root, state, "/oauth", new GenericOAuthDialect(), g => GenericOAuthEndpoints.Map(g, state));
        ControlEndpoints.Map(root.MapGroup("/_sandbox"), state);
        return root;
    }

    private static void Provider(RouteGroupBuilder root, SandboxState state, string path, ProviderDialect dialect, Action<RouteGroupBuilder> map)
    {
        var group = root.MapGroup(path);
        group.AddEndpointFilter(new SandboxEndpointFilter(dialect, state));
        map(group);
    }
}
