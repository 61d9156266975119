using Polly;
using Polly.Timeout;

namespace Mooring.Outbound.Pipeline;

/// <summary>The retry strategy's questions, answered from the outcome, the request's call state and the provider definition.</summary>
internal static class RetryDecision
{
    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeProvider time)
    {
        if (!context.Properties.TryGetValue(OutboundResilience.Request, out var request) || context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var call = OutboundRequestOptions.CallOf(request);
        if (outcome.Exception is not null)
        {
            // A timed-out attempt or a broken connection may have reached the provider: only a safe request goes again.
            return outcome.Exception is HttpRequestException or TimeoutRejectedException && call.MaySendAgain;
        }

        var response = outcome.Result!;
        var provider = call.Provider;
        var shouldRetry = ResponseSignals.ShouldRetry(provider, response);
        if (shouldRetry == false || !call.MaySendAgain)
        {
            return false;
        }

        // The body can say it too: a rate limit (Google's 403, GitHub's secondary limit, Slack's ok:false ratelimited), or
        // Slack failing with HTTP 200 (ok:false internal_error or fatal_error), which a safe request may try again like a 5xx.
        var limited = await IsRateLimitedAsync(call, response, context.CancellationToken).ConfigureAwait(false);
        var transient = shouldRetry == true || RetryRules.IsTransientStatus((int)response.StatusCode) || limited
            || await BodySignals.CategoryAsync(call, response, context.CancellationToken).ConfigureAwait(false) == ProviderErrorCategory.ProviderUnavailable;
        if (!transient)
        {
            return false;
        }

        // A rate limit answered with no Retry-After waits for the reset of a used-up limit (GitHub's 403 with
        // x-ratelimit-remaining: 0), else the definition's default (GitHub's minute after a secondary limit). A wait beyond
        // RetryMaxDelay would be cut short and refused again, one beyond the budget would time out: hand the answer back
        // now, with its RetryAfter, and let the caller decide.
        var wait = ProviderWait(call, response, limited, time.GetUtcNow());
        return wait is null || (wait.Value <= call.Policy.RetryMaxDelay && wait.Value < time.GetElapsedTime(time.GetTimestamp(), call.Deadline));
    }

    /// <summary>
    /// The wait the provider asks for (at most <paramref name="max"/>, <see cref="OutboundPolicy.RetryMaxDelay"/>: a longer
    /// one is not retried); <see langword="null"/> lets the exponential backoff with jitter decide.
    /// </summary>
    public static async ValueTask<TimeSpan?> ProviderDelayAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeProvider time, TimeSpan max)
    {
        if (outcome.Result is not { } response || !context.Properties.TryGetValue(OutboundResilience.Request, out var request))
        {
            return null;
        }

        var call = OutboundRequestOptions.CallOf(request);
        var limited = await IsRateLimitedAsync(call, response, context.CancellationToken).ConfigureAwait(false);
        var wait = ProviderWait(call, response, limited, time.GetUtcNow());
        return wait is { } w && w > max ? max : wait;
    }

    /// <summary>Whether the answer is a rate limit by its status and headers, or by its body (read once per answer).</summary>
    private static async ValueTask<bool> IsRateLimitedAsync(OutboundCall call, HttpResponseMessage response, CancellationToken cancellationToken) =>
        ResponseSignals.IsRateLimited(call.Provider, response)
        || await BodySignals.CategoryAsync(call, response, cancellationToken).ConfigureAwait(false) == ProviderErrorCategory.RateLimited;

    /// <summary>The wait a rate-limited answer asks for (<see cref="ResponseSignals.LimitedWait"/>), or another answer's <c>Retry-After</c>.</summary>
    private static TimeSpan? ProviderWait(OutboundCall call, HttpResponseMessage response, bool limited, DateTimeOffset now) =>
        limited ? ResponseSignals.LimitedWait(call.Provider, response, now) : ResponseSignals.RetryAfter(call.Provider, response, now);
}
