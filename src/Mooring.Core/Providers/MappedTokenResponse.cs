namespace Mooring.Providers;

/// <summary>What a token endpoint answered: tokens, or an OAuth error code a person can act on.</summary>
public sealed record MappedTokenResponse
{
    /// <summary>The connection's token: the app's (bot) token, or the only token issued.</summary>
    public ProviderToken? Token { get; init; }

    /// <summary>A second, user-level token issued beside the app's (Slack's <c>authed_user</c>).</summary>
    public ProviderToken? UserToken { get; init; }

    /// <summary>Non-secret values of the response to keep as connection metadata (<see cref="TokenResponseMapping.Metadata"/>).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = ProviderDefinition.EmptyHeaders;

    /// <summary>The error code, such as <c>invalid_grant</c>, when the request failed.</summary>
    public string? Error { get; init; }

    /// <summary>The provider's description of the error, if it gave one.</summary>
    public string? ErrorDescription { get; init; }

    /// <summary>Whether tokens were issued.</summary>
    public bool IsSuccess => Error is null && Token is not null;

    /// <summary>Creates a failed response.</summary>
    public static MappedTokenResponse Failed(string error, string? description = null) =>
        new() { Error = error, ErrorDescription = description };
}
