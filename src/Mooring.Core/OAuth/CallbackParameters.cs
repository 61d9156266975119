namespace Mooring.OAuth;

/// <summary>The query of an authorization response (RFC 6749 section 4.1.2, RFC 9207).</summary>
internal sealed record CallbackParameters(string? State, string? Code, string? Error, string? ErrorDescription, string? Issuer);
