using System.Collections.Concurrent;
using Mooring.Providers;

namespace Mooring.Connections;

/// <summary>
/// Single flight in this process: callers that find a connection's token due for refresh share one refresh task,
/// which takes the store's <see cref="Storage.IConnectionLock"/> so that other instances wait for it too.
/// The refresh does not run on any caller's cancellation token, so one caller giving up fails no other.
/// </summary>
internal sealed class TokenManager(IConnectionVault vault, IProviderCatalog catalog, TokenRefresher refresher, TimeProvider time) : ITokenManager
{
    private readonly ConcurrentDictionary<ConnectionId, Task<AccessToken>> _inFlight = new();

    public async ValueTask<AccessToken> GetAccessTokenAsync(ConnectionId id, CancellationToken cancellationToken)
    {
        var (connection, credentials) = await vault.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectionNotFoundException(id);
        if (TokenPolicy.Usable(connection, credentials, catalog, time) is { } token)
        {
            return token;
        }

        return await ShareAsync(id, rejectedToken: null, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<AccessToken> RefreshAsync(ConnectionId id, string rejectedToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejectedToken);
        return await ShareAsync(id, rejectedToken, cancellationToken).ConfigureAwait(false);
    }

    private Task<AccessToken> ShareAsync(ConnectionId id, string? rejectedToken, CancellationToken cancellationToken)
    {
        var mine = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _inFlight.GetOrAdd(id, mine.Task);
        if (ReferenceEquals(shared, mine.Task))
        {
            _ = RunAsync(id, rejectedToken, mine);
        }

        return shared.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(ConnectionId id, string? rejectedToken, TaskCompletionSource<AccessToken> completion)
    {
        try
        {
            var token = await refresher.RefreshAsync(id, rejectedToken, CancellationToken.None).ConfigureAwait(false);
            _inFlight.TryRemove(new KeyValuePair<ConnectionId, Task<AccessToken>>(id, completion.Task));
            completion.SetResult(token);
        }
        catch (Exception ex)
        {
            _inFlight.TryRemove(new KeyValuePair<ConnectionId, Task<AccessToken>>(id, completion.Task));
            completion.SetException(ex);
        }
    }
}
