namespace Mooring.Sandbox;

/// <summary>Tokens issued directly by <see cref="SandboxControl.IssueToken"/>, skipping the browser step.</summary>
/// <param name="AccessToken">The access token (for Slack, the bot token).</param>
/// <param name="RefreshToken">The refresh token.</param>
public sealed record SandboxToken(string AccessToken, string RefreshToken);
