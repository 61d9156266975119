using Mooring.Sandbox.Faults;
using Mooring.Sandbox.GitHub;
using Mooring.Sandbox.Google;
using Mooring.Sandbox.OAuth;
using Mooring.Sandbox.RateLimits;
using Mooring.Sandbox.Slack;
using Mooring.Sandbox.Stripe;

namespace Mooring.Sandbox.Hosting;

/// <summary>Everything one sandbox instance holds: its options, authorization servers, faults, limits and each provider's data.</summary>
internal sealed class SandboxState : IDisposable
{
    public SandboxState(SandboxOptions options)
    {
        Options = options;
        Tokens = new TokenStore(options);
        OAuth = new OAuthServer(options, new OAuthClientRegistry(options), Tokens);
        Faults = new FaultInjector(options);
        Limiter = new FixedWindowLimiter(options.TimeProvider);
        Slack = new SlackWorkspace(options);
        Stripe = new StripeAccount(options);
        Google = new GoogleAccount(options);
        GitHub = new GitHubInstance(options);
    }

    public SigningKey SigningKey { get; } = new();

    public void Dispose() => SigningKey.Dispose();

    public SandboxOptions Options { get; }

    public TokenStore Tokens { get; }

    public OAuthServer OAuth { get; }

    public FaultInjector Faults { get; }

    public FixedWindowLimiter Limiter { get; }

    public SlackWorkspace Slack { get; }

    public StripeAccount Stripe { get; }

    public GoogleAccount Google { get; }

    public GitHubInstance GitHub { get; }

    /// <summary>Every record store that exists so far (stores of repositories or channels nobody asked for are not created).</summary>
    public IEnumerable<Data.RecordStore> AllStores() =>
        Slack.Stores().Concat(Stripe.Stores()).Concat(Google.Stores()).Concat(GitHub.Stores());
}
