namespace Mooring.Sandbox;

/// <summary>Checks <see cref="SandboxOptions"/> at start-up, so a bad setting fails the boot with its name rather than a request later.</summary>
internal static class SandboxOptionsValidator
{
    public static void Validate(SandboxOptions options)
    {
        Require(options.TimeProvider is not null, nameof(options.TimeProvider), "is required");
        Require(options.AccessTokenLifetime is null || options.AccessTokenLifetime > TimeSpan.Zero, nameof(options.AccessTokenLifetime), "must be positive or null");
        Require(options.AuthorizationCodeLifetime > TimeSpan.Zero, nameof(options.AuthorizationCodeLifetime), "must be positive");
        Require(options.RefreshTokenLifetime is null || options.RefreshTokenLifetime > TimeSpan.Zero, nameof(options.RefreshTokenLifetime), "must be positive or null");
        Require(!string.IsNullOrWhiteSpace(options.DefaultClientId), nameof(options.DefaultClientId), "is required");
        Require(!string.IsNullOrWhiteSpace(options.StripeApiKey), nameof(options.StripeApiKey), "is required");
        var data = options.Data;
        Require(new[] { data.StripeCustomers, data.GitHubIssues, data.SlackChannels, data.SlackMessages, data.GmailMessages, data.CalendarEvents }.All(n => n >= 0), nameof(options.Data), "record counts must not be negative");
        Require(data.ChangeRetention > 0, "Data.ChangeRetention", "must be positive");
        var limits = options.RateLimits;
        Require(
            new[] { limits.SlackTier2PerMinute, limits.SlackTier3PerMinute, limits.SlackPostMessagePerSecond, limits.StripePerSecond, limits.GitHubPerHour, limits.GitHubSecondaryPerMinute, limits.GooglePerUserPerMinute }.All(n => n > 0),
            nameof(options.RateLimits),
            "limits must be positive (set RateLimits.Enabled = false to turn them off)");
    }

    private static void Require(bool condition, string setting, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"SandboxOptions.{setting} {problem}.", nameof(SandboxOptions));
        }
    }
}
