using Microsoft.Extensions.Logging;
using Mooring.Storage;

namespace Mooring.Security;

/// <summary>
/// Re-encrypts every stored secret under the active key. Online: each secret is swapped only if it is unchanged
/// since it was read, so writers can go on meanwhile. Resumable: a pass only looks at secrets not yet under the
/// active key, so an interrupted rotation continues where it stopped when run again.
/// </summary>
public sealed partial class KeyRotator
{
    private const int BatchSize = 200;

    private readonly ISecretStore _store;
    private readonly ISecretProtector _protector;
    private readonly ILogger<KeyRotator> _logger;

    /// <summary>Creates the rotator.</summary>
    public KeyRotator(ISecretStore store, ISecretProtector protector, ILogger<KeyRotator> logger)
    {
        _store = store;
        _protector = protector;
        _logger = logger;
    }

    /// <summary>Runs until no secret is left under another key; <paramref name="progress"/> hears the running count.</summary>
    public async Task<KeyRotationResult> RotateAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var active = _protector.ActiveKeyId;
        long done = 0, skipped = 0;
        var failedIds = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var batch = await _store.ListNotUnderKeyAsync(active, BatchSize + failedIds.Count, cancellationToken).ConfigureAwait(false);
            var work = batch.Where(s => !failedIds.Contains(s.Context)).ToList();
            if (work.Count == 0)
            {
                break;
            }

            foreach (var secret in work)
            {
                var plaintext = _protector.Unprotect(secret.Secret, secret.Context);
                ProtectedSecret replacement;
                try
                {
                    replacement = _protector.Protect(plaintext, secret.Context);
                }
                finally
                {
                    Array.Clear(plaintext);
                }

                if (await _store.ReplaceAsync(secret, replacement, cancellationToken).ConfigureAwait(false))
                {
                    done++;
                }
                else
                {
                    // Changed or deleted meanwhile; whatever is there now was written under the active key,
                    // or will be listed again by the next query. Do not loop on it within this pass.
                    skipped++;
                    failedIds.Add(secret.Context);
                }
            }

            progress?.Report(done);
        }

        var remaining = await _store.CountByKeyAsync(cancellationToken).ConfigureAwait(false);
        Log.Rotated(_logger, done, active, skipped);
        return new KeyRotationResult(active, done, skipped, remaining);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Key rotation re-encrypted {Count} secrets under key {KeyId} ({Skipped} changed concurrently)")]
        public static partial void Rotated(ILogger logger, long count, string keyId, long skipped);
    }
}
