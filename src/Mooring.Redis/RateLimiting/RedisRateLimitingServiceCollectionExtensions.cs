using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mooring.Outbound.RateLimiting;

namespace Mooring.Redis.RateLimiting;

/// <summary>Registers rate limits shared across instances through Redis.</summary>
public static class RedisRateLimitingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the rate limiter (<see cref="RateLimitingServiceCollectionExtensions.AddMooringRateLimiting"/>) and, when
    /// <see cref="RateLimitingOptions.Redis"/> (<c>Mooring:RateLimiting:Redis</c>) is set, counts its limits in Redis, on
    /// Redis's clock, shared by every instance. Without it, limits are counted in this process.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The application's configuration root, or <see langword="null"/> for the defaults.</param>
    public static IServiceCollection AddMooringRedisRateLimiting(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMooringRateLimiting(configuration);
        services.TryAddSingleton<RedisBucketStore>();
        services.Replace(ServiceDescriptor.Singleton<IBucketStore>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Redis)
                ? sp.GetRequiredService<LocalBucketStore>()
                : sp.GetRequiredService<RedisBucketStore>()));
        return services;
    }
}
