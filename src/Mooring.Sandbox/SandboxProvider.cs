namespace Mooring.Sandbox;

/// <summary>The providers the sandbox emulates; each is mounted under its name as a path prefix.</summary>
public static class SandboxProvider
{
    /// <summary>Slack (Web API and OAuth v2), mounted at <c>/slack</c>.</summary>
    public const string Slack = "slack";

    /// <summary>Stripe (API and Connect OAuth), mounted at <c>/stripe</c>.</summary>
    public const string Stripe = "stripe";

    /// <summary>Google (OAuth, Gmail and Calendar), mounted at <c>/google</c>.</summary>
    public const string Google = "google";

    /// <summary>GitHub (REST API and OAuth apps), mounted at <c>/github</c>.</summary>
    public const string GitHub = "github";

    /// <summary>A generic OAuth 2.0 / OpenID Connect server, mounted at <c>/oauth</c>.</summary>
    public const string OAuth = "oauth";

    /// <summary>Gets all providers.</summary>
    public static IReadOnlyList<string> All { get; } = [Slack, Stripe, Google, GitHub, OAuth];
}
