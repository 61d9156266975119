namespace Mooring.OAuth;

/// <summary>The query of an authorization response (RFC 6749 section 4.1.2, RFC 9207).</summary>
internal sealed record CallbackParameters(string? State, string? Code, string? Error, string? ErrorDescription, string? Issuer)
{
    /// <summary>Reads the other parameters of the response, for <see cref="Providers.OAuth2Settings.CallbackMetadata"/>.</summary>
    public Func<string, string?> Other { get; init; } = static _ => null;
}
