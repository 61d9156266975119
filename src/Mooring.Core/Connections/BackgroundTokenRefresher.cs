using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Hosting;
using Mooring.Storage;

namespace Mooring.Connections;

/// <summary>
/// Refreshes, every <see cref="ConnectionsOptions.BackgroundRefreshInterval"/>, the active OAuth connections whose access
/// token would expire before the next pass, so that a grant nobody uses does not lapse. It goes through the token
/// manager, so it shares the single-flight and the connection lock with callers, and a terminal refusal marks the
/// connection as needing reconnection exactly as a caller's refresh would.
/// </summary>
internal sealed partial class BackgroundTokenRefresher(
    IConnectionStore store,
    IConnectionVault vault,
    ITokenManager tokens,
    IOptions<ConnectionsOptions> options,
    TimeProvider time,
    ILogger<BackgroundTokenRefresher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => PeriodicPass.RunAsync(
        options.Value.BackgroundRefreshInterval, time, RunOnceAsync, ex => Log.PassFailed(logger, ex), stoppingToken);

    /// <summary>One pass; returns how many connections it refreshed.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var horizon = time.GetUtcNow() + options.Value.BackgroundRefreshInterval + ConnectionsConstants.BackgroundRefreshMargin;
        var refreshed = 0;
        ConnectionId? after = null;
        while (true)
        {
            var page = await store.ListAsync(
                new ConnectionQuery { Status = ConnectionStatus.Active, ExpiringBefore = horizon, After = after, Limit = ConnectionsConstants.BackgroundRefreshPageSize },
                cancellationToken).ConfigureAwait(false);
            foreach (var connection in page.Where(c => c.AuthMode == AuthMode.OAuth2))
            {
                if (await TryRefreshAsync(connection.Id, cancellationToken).ConfigureAwait(false))
                {
                    refreshed++;
                }
            }

            if (page.Count < ConnectionsConstants.BackgroundRefreshPageSize)
            {
                return refreshed;
            }

            after = page[^1].Id;
        }
    }

    private async Task<bool> TryRefreshAsync(ConnectionId id, CancellationToken cancellationToken)
    {
        try
        {
            var current = await vault.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (current?.Credentials is not { AccessToken: { } token, RefreshToken: not null })
            {
                return false;
            }

            // Refreshes unless another caller already replaced this token meanwhile.
            await tokens.RefreshAsync(id, token, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConnectionNeedsReconnectException)
        {
            return false; // marked and announced by the token manager
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RefreshFailed(logger, ex, id.Value);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Background refresh of connection {ConnectionId} failed; callers will retry on demand")]
        public static partial void RefreshFailed(ILogger logger, Exception exception, string connectionId);

        [LoggerMessage(2, LogLevel.Error, "A background token refresh pass failed")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
