namespace Mooring.Sandbox.Tests.Hosting;

public sealed class OptionsTests
{
    [Fact]
    public async Task StartAsync_NegativeLifetime_FailsNamingTheSetting()
    {
        var error = await Should.ThrowAsync<ArgumentException>(() => SandboxHost.StartAsync(new SandboxOptions { AccessTokenLifetime = TimeSpan.FromSeconds(-1) }, cancellationToken: TestContext.Current.CancellationToken));
        error.Message.ShouldContain("SandboxOptions.AccessTokenLifetime");
    }

    [Fact]
    public async Task StartAsync_ZeroRateLimit_FailsNamingTheSetting()
    {
        var options = new SandboxOptions();
        options.RateLimits.StripePerSecond = 0;
        var error = await Should.ThrowAsync<ArgumentException>(() => SandboxHost.StartAsync(options, cancellationToken: TestContext.Current.CancellationToken));
        error.Message.ShouldContain("SandboxOptions.RateLimits");
    }
}
