namespace Mooring.Sandbox.OAuth;

/// <summary>Each provider's real access-token lifetime, unless the options set one for all.</summary>
internal static class TokenLifetimes
{
    public static TimeSpan? Access(SandboxOptions options, string provider) => options.AccessTokenLifetime ?? provider switch
    {
        SandboxProvider.Slack => TimeSpan.FromHours(12),
        SandboxProvider.GitHub => TimeSpan.FromHours(8),
        SandboxProvider.Stripe => null,
        _ => TimeSpan.FromHours(1),
    };
}
