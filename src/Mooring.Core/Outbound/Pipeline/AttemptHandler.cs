using Mooring.Outbound.Errors;
using Mooring.Outbound.RequestLog;
using Mooring.Outbound.Telemetry;
using Mooring.Storage;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// The innermost handler: numbers and counts every request sent (retries and the resend after a refreshed token
/// included) and records it in the request log: provider, connection, method, the path without its query (the
/// endpoint template when the caller named one), status, duration, attempt number, error category and trace id.
/// </summary>
internal sealed class AttemptHandler(RequestLogQueue log, OutboundTelemetry telemetry, TimeProvider time) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = OutboundRequestOptions.CallOf(request);
        var attempt = call.NextAttempt();
        telemetry.Attempted(call.Provider.Key.Value, attempt);

        // Without the log, nothing waits for the answer here (no async state to allocate per attempt).
        return log.Enabled ? SendLoggedAsync(request, call, attempt, cancellationToken) : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendLoggedAsync(HttpRequestMessage request, OutboundCall call, int attempt, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var start = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            Record(call, request, at, start, attempt, status, CategoryOf(call, response, status));
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // A cancelled attempt is a timeout (the provider did not answer), unless the caller gave up.
            var category = ex is HttpRequestException ? ErrorCategoryNames.Of(ProviderErrorCategory.Network)
                : call.CallerCancellation.IsCancellationRequested ? ErrorCategoryNames.Cancelled
                : ErrorCategoryNames.Of(ProviderErrorCategory.ProviderUnavailable);
            Record(call, request, at, start, attempt, null, category);
            throw;
        }
    }

    /// <summary>
    /// The category the answer's status and headers show (its body is not read here): a 403 that its headers mark as a
    /// rate limit (GitHub's <c>x-ratelimit-remaining: 0</c>, a <c>Retry-After</c>) is <c>rate_limited</c>, not <c>auth</c>.
    /// </summary>
    private static string? CategoryOf(OutboundCall call, HttpResponseMessage response, int status) =>
        status < 400 ? null
        : ResponseSignals.IsRateLimited(call.Provider, response) ? ErrorCategoryNames.Of(ProviderErrorCategory.RateLimited)
        : ErrorCategoryNames.OfStatus(status) is { } category ? ErrorCategoryNames.Of(category) : null;

    private void Record(OutboundCall call, HttpRequestMessage request, DateTimeOffset at, long start, int attempt, int? status, string? category) =>
        log.Add(new RequestLogEntry
        {
            At = at,
            Provider = call.Provider.Key,
            ConnectionId = call.Connection.Id,
            Method = request.Method.Method,
            Path = call.Path,
            Status = status,
            DurationMs = time.GetElapsedTime(start).TotalMilliseconds,
            Attempt = attempt,
            ErrorCategory = category,
            TraceId = call.TraceId,
        });
}
