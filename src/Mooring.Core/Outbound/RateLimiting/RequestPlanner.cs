using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
    // Plans without a partition value depend only on the provider, the connection and the endpoint class (and pattern):
    // they are made once. A plan per partition value (one per Slack channel) is not kept, nor more than this many.
    private const int MaxCachedPlans = 10_000;

    private readonly PacingShape _shape = PacingShape.From(options.Value);
    private readonly ConcurrentDictionary<PlanKey, RequestPlan> _plans = new();

    public async ValueTask<RequestPlan> PlanAsync(ProviderDefinition provider, ConnectionId? connectionId, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (endpoint, pattern) = Match(provider, request);
        var partition = endpoint?.PartitionParameter is { } parameter
            ? await PartitionValueReader.ReadAsync(request, parameter, cancellationToken).ConfigureAwait(false)
            : null;
        return Plan(provider, connectionId, endpoint, pattern, partition, KeyPrefix(provider, request));
    }

    /// <summary>The plan without a partition value, for a response whose request was not acquired through the limiter.</summary>
    public RequestPlan PlanWithoutBody(ProviderDefinition provider, ConnectionId? connectionId, HttpRequestMessage request)
    {
        var (endpoint, pattern) = Match(provider, request);
        var partition = endpoint?.PartitionParameter is { } parameter ? PartitionValueReader.FromQuery(request, parameter) : null;
        return Plan(provider, connectionId, endpoint, pattern, partition, KeyPrefix(provider, request));
    }

    /// <summary>The first prefix of a bucket's <see cref="RateLimitBucket.LimitByKeyPrefix"/> that the call's API key starts with.</summary>
    private static string? KeyPrefix(ProviderDefinition provider, HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(OutboundRequestOptions.Call, out var call) || call.Credentials?.ApiKey is not { } apiKey)
        {
            return null;
        }

        foreach (var bucket in provider.RateLimits.Buckets)
        {
            foreach (var prefix in bucket.LimitByKeyPrefix.Keys)
            {
                if (apiKey.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return prefix;
                }
            }
        }

        return null;
    }

    private static (EndpointRateLimit? Endpoint, string? Pattern) Match(ProviderDefinition provider, HttpRequestMessage request)
    {
        if (provider.RateLimits.Endpoints.Count == 0)
        {
            return (null, null);
        }

        var path = RelativePath(provider, request);
        var endpoint = EndpointMatcher.Find(provider.RateLimits, request.Method.Method, path);
        return (endpoint, endpoint is { PerPattern: true } ? EndpointMatcher.MatchingPattern(endpoint, request.Method.Method, path) : null);
    }

    private RequestPlan Plan(ProviderDefinition provider, ConnectionId? connectionId, EndpointRateLimit? endpoint, string? pattern, string? partition, string? keyPrefix)
    {
        if (partition is not null)
        {
            return Build(provider, connectionId, endpoint, pattern, partition, keyPrefix);
        }

        var key = new PlanKey(provider, connectionId, endpoint, pattern, keyPrefix);
        if (_plans.TryGetValue(key, out var plan))
        {
            return plan;
        }

        if (_plans.Count >= MaxCachedPlans)
        {
            _plans.Clear();
        }

        return _plans.GetOrAdd(key, Build(provider, connectionId, endpoint, pattern, null, keyPrefix));
    }

    /// <summary>The path of the request relative to the API base URL, with a leading slash.</summary>
    public static string RelativePath(ProviderDefinition provider, HttpRequestMessage request)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString;
        var basePath = provider.ApiBaseUrl?.AbsolutePath.TrimEnd('/') ?? string.Empty;
        return basePath.Length > 0 && path.StartsWith(basePath + "/", StringComparison.Ordinal) ? path[basePath.Length..] : path;
    }

    private RequestPlan Build(ProviderDefinition provider, ConnectionId? connectionId, EndpointRateLimit? endpoint, string? pattern, string? partition, string? keyPrefix)
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
            var limit = keyPrefix is not null && bucket.LimitByKeyPrefix.TryGetValue(keyPrefix, out var byKey) ? byKey : bucket.Limit;
            if (limit > 0 && bucket.Period is { } period && period > TimeSpan.Zero)
            {
                Pace(bucketKey, limit.Value, period, endpoint?.Cost ?? 1);
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
                narrow += ":" + pattern;
            }

            if (partition is not null)
            {
                narrow += ":" + partition;
            }

            Pace(narrow, endpointLimit, endpointPeriod, 1);
        }

        return new RequestPlan(key, endpoint?.Name ?? RateLimitingConstants.DefaultResource, connectionScope, narrow, demands, concurrency, shortest);
    }

    /// <summary>
    /// What a plan without a partition value depends on (the key prefix too: a connection whose key changes from test to
    /// live mode gets the live limit); the definitions by reference (records compare slowly).
    /// </summary>
    private readonly struct PlanKey(ProviderDefinition provider, ConnectionId? connectionId, EndpointRateLimit? endpoint, string? pattern, string? keyPrefix)
        : IEquatable<PlanKey>
    {
        private readonly ProviderDefinition _provider = provider;
        private readonly ConnectionId? _connectionId = connectionId;
        private readonly EndpointRateLimit? _endpoint = endpoint;
        private readonly string? _pattern = pattern;
        private readonly string? _keyPrefix = keyPrefix;

        public bool Equals(PlanKey other) =>
            ReferenceEquals(_provider, other._provider) && ReferenceEquals(_endpoint, other._endpoint)
            && _connectionId == other._connectionId && string.Equals(_pattern, other._pattern, StringComparison.Ordinal)
            && string.Equals(_keyPrefix, other._keyPrefix, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is PlanKey other && Equals(other);

        public override int GetHashCode() =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(_provider), _connectionId, _endpoint is null ? 0 : RuntimeHelpers.GetHashCode(_endpoint), _pattern, _keyPrefix);
    }
}
