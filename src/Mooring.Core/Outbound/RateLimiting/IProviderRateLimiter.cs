using Mooring.Connections;
using Mooring.Providers;

namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// Paces calls to providers so that they stay under the limits of the provider definition and under what the
/// provider's responses report, waiting (interactive callers first) rather than letting the provider answer 429.
/// </summary>
public interface IProviderRateLimiter
{
    /// <summary>
    /// Waits until <paramref name="request"/> may be sent under every bucket that applies to it (provider-wide, per
    /// connection, per endpoint class and partition). Dispose the result when the response has come (it holds a
    /// concurrency slot where the provider limits concurrency).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    ValueTask<IDisposable> AcquireAsync(ProviderDefinition provider, ConnectionId? connectionId, HttpRequestMessage request, CallPriority priority, CancellationToken cancellationToken);

    /// <summary>Learns from a response: rate-limit headers, Retry-After and 429s slow the matching buckets down.</summary>
    void Observe(ProviderDefinition provider, ConnectionId? connectionId, HttpRequestMessage request, HttpResponseMessage response);
}
