using Mooring.Providers;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// When a failed attempt may be sent again: only transient failures (5xx, 408, 429 and other rate-limit answers,
/// timeouts, network errors), only for requests that are safe to repeat (idempotent methods, or a write carrying the
/// idempotency key of a provider that declares one), and never against the provider's <c>Stripe-Should-Retry: false</c>.
/// </summary>
internal static class RetryRules
{
    /// <summary>Whether the request may reach the provider twice without harm: an idempotent method or an idempotency key.</summary>
    public static bool MaySendAgain(HttpRequestMessage request, ProviderDefinition provider)
    {
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Trace)
        {
            return true;
        }

        return HasIdempotencyKey(request, provider);
    }

    /// <summary>Whether the status is a transient failure worth another attempt.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;

    /// <summary>Whether the status counts as a failure of the provider for its circuit breaker (not 429 and other 4xx).</summary>
    public static bool IsProviderFailure(int status) => status is 408 or >= 500;

    /// <summary>
    /// Adds the provider's idempotency header (Stripe's <c>Idempotency-Key</c>) to a request whose method it covers,
    /// once, before any attempt, so that every attempt carries the same key.
    /// </summary>
    public static void AddIdempotencyKey(HttpRequestMessage request, ProviderDefinition provider)
    {
        if (provider.Idempotency is not { } settings || request.Headers.Contains(settings.Header)
            || !settings.Methods.Contains(request.Method.Method, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        request.Headers.TryAddWithoutValidation(settings.Header, "mooring-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>
    /// Whether the request carries a key the provider de-duplicates on: its declared idempotency header, on a method the
    /// declaration covers. A header of that name sent to a provider that ignores it (Slack, GitHub, Google) protects nothing.
    /// </summary>
    private static bool HasIdempotencyKey(HttpRequestMessage request, ProviderDefinition provider) =>
        provider.Idempotency is { } settings
        && settings.Methods.Contains(request.Method.Method, StringComparer.OrdinalIgnoreCase)
        && request.Headers.Contains(settings.Header);
}
