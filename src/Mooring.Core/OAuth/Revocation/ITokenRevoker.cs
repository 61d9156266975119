using Mooring.Connections;
using Mooring.Providers;

namespace Mooring.OAuth.Revocation;

/// <summary>Revokes a connection's tokens at its provider. Keyed by provider key for providers that are not RFC 7009.</summary>
internal interface ITokenRevoker
{
    /// <summary>Revokes; returns <see langword="null"/> on success, else an error code or short reason (never a token).</summary>
    Task<string?> RevokeAsync(ProviderDefinition provider, OAuthClientSettings client, ConnectionCredentials credentials, CancellationToken cancellationToken);
}
