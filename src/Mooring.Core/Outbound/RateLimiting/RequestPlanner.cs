using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Providers;
using Mooring.Providers.RateLimits;

namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// Finds the buckets of a request from its provider's <see cref="RateLimitPolicy"/>. Keys start with the provider key
/// and name the scope: <c>{provider}:a</c> for the application, <c>{provider}:c:{connection}</c> per connection, then
/// <c>:b:{bucket}</c> or <c>:e:{endpoint class}[:{pattern}][:{partition value}]</c>.
/// </summary>
internal sealed class RequestPlanner(IOptions<RateLimitingOptions> options)
{
    private readonly PacingShape _shape = PacingShape.From(options.Value);

    public async ValueTask<RequestPlan> PlanAsync(ProviderDefinition provider, ConnectionId? connectionId, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var policy = provider.RateLimits;
        var endpoint = EndpointMatcher.Find(policy, request.Method.Method, RelativePath(provider, request));
        var partition = endpoint?.PartitionParameter is { } parameter
            ? await PartitionValueReader.ReadAsync(request, parameter, cancellationToken).ConfigureAwait(false)
            : null;
        return Plan(provider, connectionId, request, endpoint, partition);
    }

    /// <summary>The plan without a partition value, for a response whose request was not acquired through the limiter.</summary>
    public RequestPlan PlanWithoutBody(ProviderDefinition provider, ConnectionId? connectionId, HttpRequestMessage request)
    {
        var endpoint = EndpointMatcher.Find(provider.RateLimits, request.Method.Method, RelativePath(provider, request));
        var partition = endpoint?.PartitionParameter is { } parameter ? PartitionValueReader.FromQuery(request, parameter) : null;
        return Plan(provider, connectionId, request, endpoint, partition);
    }

    /// <summary>The path of the request relative to the API base URL, with a leading slash.</summary>
    public static string RelativePath(ProviderDefinition provider, HttpRequestMessage request)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString;
        var basePath = provider.ApiBaseUrl?.AbsolutePath.TrimEnd('/') ?? string.Empty;
        return basePath.Length > 0 && path.StartsWith(basePath + "/", StringComparison.Ordinal) ? path[basePath.Length..] : path;
    }

    private RequestPlan Plan(ProviderDefinition provider, ConnectionId? connectionId, HttpRequestMessage request, EndpointRateLimit? endpoint, string? partition)
    {
        var key = provider.Key.ToString();
        var connectionScope = $"{key}:c:{connectionId?.Value ?? "-"}";
        string Scope(RateLimitScope scope) => scope == RateLimitScope.Application ? key + ":a" : connectionScope;

        var demands = new List<BucketDemand>();
        TimeSpan? shortest = null;
        void Pace(string bucketKey, int limit, TimeSpan period, int cost)
        {
            demands.Add(BucketDemand.Paced(bucketKey, limit, period, cost, _shape));
            shortest = shortest is { } known && known < period ? known : period;
        }

        var concurrency = new List<ConcurrencyDemand>();
        foreach (var bucket in provider.RateLimits.Buckets)
        {
            var bucketKey = $"{Scope(bucket.Scope)}:b:{bucket.Name}";
            if (bucket is { Limit: > 0 and var limit, Period: { } period } && period > TimeSpan.Zero)
            {
                Pace(bucketKey, limit, period, endpoint?.Cost ?? 1);
            }

            if (bucket.MaxConcurrency is > 0 and var max)
            {
                concurrency.Add(new ConcurrencyDemand(bucketKey, max));
            }
        }

        string? narrow = null;
        if (endpoint is { Limit: > 0 and var endpointLimit, Period: { } endpointPeriod } && endpointPeriod > TimeSpan.Zero)
        {
            narrow = $"{Scope(endpoint.Scope)}:e:{endpoint.Name}";
            if (endpoint.PerPattern)
            {
                narrow += ":" + EndpointMatcher.MatchingPattern(endpoint, request.Method.Method, RelativePath(provider, request));
            }

            if (partition is not null)
            {
                narrow += ":" + partition;
            }

            Pace(narrow, endpointLimit, endpointPeriod, 1);
        }

        return new RequestPlan(key, endpoint?.Name ?? RateLimitingConstants.DefaultResource, connectionScope, narrow, demands, concurrency, shortest);
    }
}
