namespace Mooring.Sandbox.OAuth;

/// <summary>
/// The outcome of an authorization request: a redirect back to the client (with a code or an error),
/// or an error shown to the user because the redirect target cannot be trusted (RFC 6749 section 4.1.2.1).
/// </summary>
internal sealed record AuthorizeDecision(string? RedirectTo, string? ErrorPage);
