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

        // The body can say it too: a rate limit (Google's 403, Slack's ok:false ratelimited), or Slack failing with HTTP 200
        // (ok:false internal_error or fatal_error), which a safe request may try again like a 5xx.
        var transient = shouldRetry == true || RetryRules.IsTransientStatus((int)response.StatusCode)
            || ResponseSignals.IsRateLimited(provider, response)
            || await BodySignals.CategoryAsync(call, response, context.CancellationToken).ConfigureAwait(false)
                is ProviderErrorCategory.RateLimited or ProviderErrorCategory.ProviderUnavailable;
        if (!transient)
        {
            return false;
        }

        // Waiting longer than the budget allows only to time out: hand the answer back now, with its Retry-After. A rate
        // limit answered with no Retry-After but a reset time (GitHub's 403 with x-ratelimit-remaining: 0) waits for that.
        var now = time.GetUtcNow();
        var wait = ResponseSignals.RetryAfter(provider, response, now)
            ?? (ResponseSignals.IsRateLimited(provider, response) ? ResponseSignals.ResetIn(provider, response, now) : null);
        return wait is null || wait.Value < time.GetElapsedTime(time.GetTimestamp(), call.Deadline);
    }

    /// <summary>The provider's Retry-After, capped; <see langword="null"/> lets the exponential backoff with jitter decide.</summary>
    public static TimeSpan? ProviderDelay(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeProvider time, TimeSpan max)
    {
        if (outcome.Result is not { } response || !context.Properties.TryGetValue(OutboundResilience.Request, out var request))
        {
            return null;
        }

        var wait = ResponseSignals.RetryAfter(OutboundRequestOptions.CallOf(request).Provider, response, time.GetUtcNow());
        return wait is { } w && w > max ? max : wait;
    }
}
