using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mooring.Outbound.RateLimiting;

/// <summary>Registers the rate limiter that paces calls to providers.</summary>
public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IProviderRateLimiter"/>, counting limits in this process, with <see cref="RateLimitingOptions"/>
    /// bound from <c>Mooring:RateLimiting</c>. To share limits across instances through Redis, use
    /// <c>AddMooringRedisRateLimiting</c> of Mooring.Redis, which calls this and swaps the store when
    /// <c>Mooring:RateLimiting:Redis</c> is set.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The application's configuration root, or <see langword="null"/> for the defaults.</param>
    public static IServiceCollection AddMooringRateLimiting(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RateLimitingOptions>().Validate(Validate, InvalidMessage).ValidateOnStart();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(RateLimitingOptions.SectionName));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RequestPlanner>();
        services.TryAddSingleton<LocalBucketStore>();
        services.TryAddSingleton<IBucketStore>(sp => sp.GetRequiredService<LocalBucketStore>());
        services.TryAddSingleton<IProviderRateLimiter, ProviderRateLimiter>();
        return services;
    }

    private const string InvalidMessage =
        $"{RateLimitingOptions.SectionName}: SafetyMargin must be 0 to 1, BurstFraction and SlowDownBelow 0 to 1, MinimumBurst at least 1, " +
        "DefaultPause, MaxPause, BackgroundPromotionDelay and RedisRetryInterval greater than 0, ReservationHorizon not negative";

    private static bool Validate(RateLimitingOptions o) =>
        o.SafetyMargin is >= 0 and <= 1 && o.BurstFraction is >= 0 and <= 1 && o.SlowDownBelow is >= 0 and <= 1 && o.MinimumBurst >= 1
        && o.DefaultPause > TimeSpan.Zero && o.MaxPause > TimeSpan.Zero && o.BackgroundPromotionDelay > TimeSpan.Zero
        && o.RedisRetryInterval > TimeSpan.Zero && o.ReservationHorizon >= TimeSpan.Zero && !string.IsNullOrEmpty(o.RedisKeyPrefix);
}
