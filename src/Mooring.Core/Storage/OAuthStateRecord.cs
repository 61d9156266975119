using Mooring.Connections;
using Mooring.Security;

namespace Mooring.Storage;

/// <summary>
/// A pending OAuth authorization, keyed by the SHA-256 of its <c>state</c> value so that a copy of the
/// database does not yield usable states. Single use, short lived.
/// </summary>
public sealed record OAuthStateRecord
{
    /// <summary>The SHA-256 of the state value, hex.</summary>
    public required string StateHash { get; init; }

    /// <summary>The provider being connected.</summary>
    public required ProviderKey Provider { get; init; }

    /// <summary>The connection the grant will be stored under.</summary>
    public required ConnectionId ConnectionId { get; init; }

    /// <summary>The host app's end-user reference.</summary>
    public string? EndUserRef { get; init; }

    /// <summary>The host app's tenant reference.</summary>
    public string? TenantRef { get; init; }

    /// <summary>The SHA-256 of the value that binds the flow to the browser that started it (a cookie), hex.</summary>
    public required string BrowserBindingHash { get; init; }

    /// <summary>The exact redirect URI sent to the provider, to be repeated in the code exchange.</summary>
    public required string RedirectUri { get; init; }

    /// <summary>The scopes requested.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The encrypted PKCE code verifier.</summary>
    public required ProtectedSecret CodeVerifier { get; init; }

    /// <summary>Where to send the browser when the flow ends, if the host app asked for a specific place.</summary>
    public string? ReturnUrl { get; init; }

    /// <summary>When the flow started.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the state stops being accepted.</summary>
    public DateTimeOffset ExpiresAt { get; init; }
}
