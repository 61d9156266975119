using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Mooring.Outbound.RateLimiting;

/// <summary>Limits of requests in flight (GitHub's 100 concurrent), one <see cref="ConcurrencyLimiter"/> per key, first come first served.</summary>
internal sealed class ConcurrencySlots(Parking parking) : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrencyLimiter> _limiters = new(StringComparer.Ordinal);

    public async ValueTask<IDisposable> AcquireAsync(IReadOnlyList<ConcurrencyDemand> demands, CancellationToken cancellationToken)
    {
        if (demands.Count == 0)
        {
            return Leases.Empty;
        }

        var leases = new List<RateLimitLease>(demands.Count);
        try
        {
            foreach (var demand in demands)
            {
                var limiter = _limiters.GetOrAdd(demand.Key, static (_, limit) => new ConcurrencyLimiter(new ConcurrencyLimiterOptions
                {
                    PermitLimit = limit,
                    QueueLimit = int.MaxValue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }), demand.Limit);
                var acquire = limiter.AcquireAsync(1, cancellationToken);
                leases.Add(acquire.IsCompleted ? acquire.Result : await parking.Park(acquire.AsTask()).ConfigureAwait(false));
            }
        }
        catch
        {
            new Leases(leases).Dispose();
            throw;
        }

        return new Leases(leases);
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private sealed class Leases(List<RateLimitLease> leases) : IDisposable
    {
        public static Leases Empty { get; } = new([]);

        public void Dispose()
        {
            foreach (var lease in leases)
            {
                lease.Dispose();
            }
        }
    }
}
