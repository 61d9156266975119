using Microsoft.Extensions.Options;
using Mooring.AspNetCore;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// On SQLite, which has one writer at a time, the webhook writers (the inbox's group commit, the workers' leases and
/// completions, the forwarding senders) queue here, in process, instead of colliding in the database: a writer that
/// finds SQLite locked sleeps in Microsoft.Data.Sqlite's busy loop (150 ms steps), which is what made acknowledgements
/// slow under load. On PostgreSQL, which has row locks, the gate is open.
/// </summary>
internal sealed class WebhookWriteGate(IOptions<MooringOptions> mooring)
{
    private readonly SemaphoreSlim? _gate = mooring.Value.StorageProvider == "postgres" ? null : new SemaphoreSlim(1, 1);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        if (_gate is null)
        {
            return await write(cancellationToken).ConfigureAwait(false);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await write(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How many group-commit writers the inbox runs: one on SQLite, several on PostgreSQL, whose commits overlap.</summary>
    public int InboxWriters(WebhookOptions options) => _gate is null ? options.WriteConcurrency : 1;
}
