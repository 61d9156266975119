namespace Mooring.Sandbox;

/// <summary>
/// Settings of one sandbox instance. The instance reads them on every request, so a test may change
/// them while the sandbox runs (for example shorten <see cref="AccessTokenLifetime"/> mid-test).
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>Gets or sets the seed from which data, identifiers of generated records and faults derive.</summary>
    /// <value>The default value is 1. The same seed gives the same records and the same faults in the same order.</value>
    public int Seed { get; set; } = 1;

    /// <summary>Gets or sets the clock. Tests pass a <c>FakeTimeProvider</c> and advance it instead of sleeping.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets how long an issued access token stays valid, for every provider; <see langword="null"/> keeps each
    /// provider's real lifetime: Slack (token rotation) 12 hours, GitHub (expiring user tokens) 8 hours, Google and the
    /// generic server 1 hour, Stripe Connect no expiry.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TimeSpan? AccessTokenLifetime { get; set; }

    /// <summary>Gets or sets how long an unredeemed authorization code stays valid.</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets how long a refresh token stays valid, or <see langword="null"/> for no expiry.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TimeSpan? RefreshTokenLifetime { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a refresh issues a new refresh token and invalidates the old one
    /// (Slack token rotation, GitHub expiring user tokens, OAuth 2.1 public clients).
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RotateRefreshTokens { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether API methods refuse a token that lacks the scope they need, as the provider
    /// does (Slack: <c>{"ok":false,"error":"missing_scope","needed":"chat:write","provided":"channels:read"}</c>).
    /// Only the Slack emulator checks scopes.
    /// </summary>
    /// <value>
    /// The default value is <see langword="false"/>: a token issued with <see cref="SandboxControl.IssueToken"/> and no
    /// scope may call every method.
    /// </value>
    public bool EnforceScopes { get; set; }

    /// <summary>Gets or sets the client identifier registered with every provider at start.</summary>
    /// <value>The default value is <c>sandbox-client</c>.</value>
    public string DefaultClientId { get; set; } = "sandbox-client";

    /// <summary>Gets or sets the secret of <see cref="DefaultClientId"/>.</summary>
    /// <value>The default value is <c>sandbox-secret</c>.</value>
    public string DefaultClientSecret { get; set; } = "sandbox-secret";

    /// <summary>Gets or sets the Stripe secret API key that the Stripe emulator accepts besides Connect access tokens.</summary>
    /// <value>The default value is <c>sk_test_sandbox</c>.</value>
    public string StripeApiKey { get; set; } = "sk_test_sandbox";

    /// <summary>Gets or sets the API version the emulated Stripe account is pinned to; stamped on events and echoed as Stripe-Version.</summary>
    /// <value>The default value is <c>2026-10-28.endive</c>, the version Stripe.net 53 sends.</value>
    public string StripeApiVersion { get; set; } = "2026-10-28.endive";

    /// <summary>Gets the number of records each emulated model starts with.</summary>
    public SandboxDataOptions Data { get; } = new();

    /// <summary>Gets the rate limits each emulator enforces.</summary>
    public SandboxRateLimitOptions RateLimits { get; } = new();
}
