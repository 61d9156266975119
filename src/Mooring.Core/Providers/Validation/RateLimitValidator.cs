using Mooring.Providers.Loading;

namespace Mooring.Providers.Validation;

/// <summary>Checks the rate-limit policy.</summary>
internal static class RateLimitValidator
{
    public static void Validate(RateLimitPolicy policy, DefinitionErrors errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Buckets.Count; i++)
        {
            var bucket = policy.Buckets[i];
            var field = $"rateLimits.buckets[{i}]";
            Limit(errors, field, (bucket.Name, bucket.Scope, bucket.Limit, bucket.Period), names);
            Rules.Positive(errors, field + ".maxConcurrency", bucket.MaxConcurrency);
            if (bucket.Limit is null && bucket.MaxConcurrency is null)
            {
                errors.Add(field, "must set limit and periodSeconds, or maxConcurrency");
            }

            foreach (var (prefix, limit) in bucket.LimitByKeyPrefix)
            {
                if (prefix.Length == 0 || limit <= 0 || bucket.Period is null)
                {
                    errors.Add($"{field}.limitByKeyPrefix", $"'{prefix}' must be a non-empty key prefix with a positive limit, in a bucket with periodSeconds");
                }
            }
        }

        for (var i = 0; i < policy.Endpoints.Count; i++)
        {
            var endpoint = policy.Endpoints[i];
            var field = $"rateLimits.endpoints[{i}]";
            Limit(errors, field, (endpoint.Name, endpoint.Scope, endpoint.Limit, endpoint.Period), names);
            Rules.Positive(errors, field + ".cost", endpoint.Cost);
            if (endpoint.Match.Count == 0)
            {
                errors.Add(field + ".match", "must list at least one path pattern");
            }

            for (var j = 0; j < endpoint.Match.Count; j++)
            {
                Pattern(errors, $"{field}.match[{j}]", endpoint.Match[j]);
            }
        }

        var headers = policy.Headers;
        Rules.HeaderName(errors, "rateLimits.headers.retryAfter", headers.RetryAfter);
        Rules.HeaderName(errors, "rateLimits.headers.limit", headers.Limit);
        Rules.HeaderName(errors, "rateLimits.headers.remaining", headers.Remaining);
        Rules.HeaderName(errors, "rateLimits.headers.used", headers.Used);
        Rules.HeaderName(errors, "rateLimits.headers.reset", headers.Reset);
        Rules.HeaderName(errors, "rateLimits.headers.resource", headers.Resource);
        Rules.HeaderName(errors, "rateLimits.headers.shouldRetry", headers.ShouldRetry);
        Rules.Defined(errors, "rateLimits.headers.resetFormat", headers.ResetFormat);
        for (var i = 0; i < policy.LimitedStatusCodes.Count; i++)
        {
            if (policy.LimitedStatusCodes[i] is < 400 or > 599)
            {
                errors.Add($"rateLimits.limitedStatusCodes[{i}]", "must be an HTTP error status (400-599)");
            }
        }

        for (var i = 0; i < policy.LimitedMessages.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(policy.LimitedMessages[i]))
            {
                errors.Add($"rateLimits.limitedMessages[{i}]", "must be a phrase of the provider's error message");
            }
        }

        Rules.Positive(errors, "rateLimits.defaultRetryAfterSeconds", policy.DefaultRetryAfter);
    }

    // What buckets and endpoint classes have in common: a unique name, a scope and an optional window.
    private static void Limit(
        DefinitionErrors errors, string field, (string Name, RateLimitScope Scope, int? Limit, TimeSpan? Period) limit, HashSet<string> names)
    {
        Name(errors, field, limit.Name, names);
        Rules.Defined(errors, field + ".scope", limit.Scope);
        Window(errors, field, limit.Limit, limit.Period);
    }

    private static void Name(DefinitionErrors errors, string field, string name, HashSet<string> names)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(field + ".name", "is required");
        }
        else if (!names.Add(name))
        {
            errors.Add(field + ".name", $"'{name}' is used by another bucket or endpoint class");
        }
    }

    private static void Window(DefinitionErrors errors, string field, int? limit, TimeSpan? period)
    {
        if (limit.HasValue != period.HasValue)
        {
            errors.Add(field, "must set limit and periodSeconds together");
        }

        Rules.Positive(errors, field + ".limit", limit);
        Rules.Positive(errors, field + ".periodSeconds", period);
    }

    // "[METHOD ]/path", where the method is upper-case letters.
    private static void Pattern(DefinitionErrors errors, string field, string pattern)
    {
        var space = pattern.IndexOf(' ', StringComparison.Ordinal);
        var method = space < 0 ? string.Empty : pattern[..space];
        var path = space < 0 ? pattern : pattern[(space + 1)..];
        if (!method.All(char.IsAsciiLetterUpper) || !path.StartsWith('/') || path.Contains(' ', StringComparison.Ordinal))
        {
            errors.Add(field, $"is not a path pattern such as 'POST /chat.postMessage' or '/v1/customers/*': '{pattern}'");
        }
    }
}
