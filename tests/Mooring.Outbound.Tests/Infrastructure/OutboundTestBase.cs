using Mooring.Sandbox;

namespace Mooring.Outbound.Tests.Infrastructure;

/// <summary>A test with its own sandbox and Mooring host; override <see cref="ConfigureSandbox"/> or <see cref="Settings"/> to change them.</summary>
public abstract class OutboundTestBase : IAsyncLifetime
{
    protected OutboundHost Host { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual Dictionary<string, string?> Settings => [];

    public virtual async ValueTask InitializeAsync() => Host = await OutboundHost.StartAsync(ConfigureSandbox, Settings, Ct);

    public virtual async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual void ConfigureSandbox(SandboxOptions options) => options.RateLimits.Enabled = false;
}
