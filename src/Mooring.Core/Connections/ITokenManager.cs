namespace Mooring.Connections;

/// <summary>
/// Hands out valid access tokens for OAuth connections, refreshing them ahead of expiry exactly once however many
/// callers wait, in this process and across every instance sharing the store.
/// </summary>
public interface ITokenManager
{
    /// <summary>A token valid for at least the provider's refresh-ahead margin, refreshed first if needed.</summary>
    /// <exception cref="ConnectionNotFoundException">There is no such connection.</exception>
    /// <exception cref="ConnectionNeedsReconnectException">The provider refused the grant; the end user must connect again.</exception>
    /// <exception cref="TokenRequestException">The provider could not issue a token now (after retries), or Mooring's client setup is wrong.</exception>
    ValueTask<AccessToken> GetAccessTokenAsync(ConnectionId id, CancellationToken cancellationToken);

    /// <summary>
    /// Refreshes after the provider rejected <paramref name="rejectedToken"/> although it had not expired. If the stored token
    /// already differs (another caller refreshed), that one is returned without a new refresh.
    /// </summary>
    /// <exception cref="ConnectionNotFoundException">There is no such connection.</exception>
    /// <exception cref="ConnectionNeedsReconnectException">The provider refused the grant; the end user must connect again.</exception>
    /// <exception cref="TokenRequestException">The provider could not issue a token now (after retries), or Mooring's client setup is wrong.</exception>
    ValueTask<AccessToken> RefreshAsync(ConnectionId id, string rejectedToken, CancellationToken cancellationToken);
}
