namespace Mooring.Sandbox.Control;

/// <summary>Bodies of the control API (JSON, camelCase).</summary>
internal sealed record TokenBody(string Provider, string? Scope, string? User);

internal sealed record RevokeBody(string Provider, string Token);

internal sealed record ConsentBody(string Provider, bool Deny);

internal sealed record ClientBody(string Provider, string ClientId, string? ClientSecret, string[]? RedirectUris);

internal sealed record AdvanceBody(int Changes);

internal sealed record OptionsBody(double? AccessTokenLifetimeSeconds, bool? RotateRefreshTokens, bool? RateLimitsEnabled);
