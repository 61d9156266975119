using Mooring.Outbound.Errors;
using Mooring.Outbound.RequestLog;
using Mooring.Outbound.Telemetry;
using Mooring.Storage;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// The innermost handler: numbers and counts every request sent (retries and the resend after a refreshed token
/// included), reads the answer's whole body within the attempt when the caller asked for it
/// (<see cref="OutboundRequestOptions.BufferBody"/>, <see cref="IProviderApi"/>), and records it in the request log: provider, connection, method, the path without its query (the
/// endpoint template when the caller named one), status, duration, attempt number, error category and trace id. The
/// category is the one the caller's <see cref="ProviderApiException"/> gets (<see cref="BodySignals.AnswerCategoryAsync"/>):
/// from the status and headers, and from the body only where <see cref="BodySignals"/> reads it (Slack's small HTTP 200
/// answers, whose <c>ok:false</c> is a failure; Google's 400 and 403), once per answer for the credentials, the limiter
/// and the retry too.
/// </summary>
internal sealed class AttemptHandler(RequestLogQueue log, OutboundTelemetry telemetry, TimeProvider time) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = OutboundRequestOptions.CallOf(request);
        var attempt = call.NextAttempt();
        telemetry.Attempted(call.Provider.Key.Value, attempt);

        // Without the log or a body to read, nothing waits for the answer here (no async state to allocate per attempt).
        if (log.Enabled)
        {
            return SendLoggedAsync(request, call, attempt, cancellationToken);
        }

        return OutboundRequestOptions.BuffersBody(request) ? SendBufferedAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Reads the whole body under the attempt's token when the caller asked for it (<see cref="OutboundRequestOptions.BufferBody"/>):
    /// a body that stalls fails the attempt by its timeout, one cut off as a network failure (<see cref="HttpRequestException"/>).
    /// </summary>
    private static async ValueTask BufferAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!OutboundRequestOptions.BuffersBody(request))
        {
            return;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendBufferedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await BufferAsync(request, response, cancellationToken).ConfigureAwait(false);
        return response;
    }

    private async Task<HttpResponseMessage> SendLoggedAsync(HttpRequestMessage request, OutboundCall call, int attempt, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var start = time.GetTimestamp();
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await BufferAsync(request, response, cancellationToken).ConfigureAwait(false);
            var category = await BodySignals.AnswerCategoryAsync(call, response, cancellationToken).ConfigureAwait(false);
            Record(call, request, at, start, attempt, (int)response.StatusCode, category is { } c ? ErrorCategoryNames.Of(c) : null);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // A cancelled attempt is a timeout (the provider did not answer, or not its whole body), unless the caller gave up.
            var category = ex is HttpRequestException ? ErrorCategoryNames.Of(ProviderErrorCategory.Network)
                : call.CallerCancellation.IsCancellationRequested ? ErrorCategoryNames.Cancelled
                : ErrorCategoryNames.Of(ProviderErrorCategory.ProviderUnavailable);
            Record(call, request, at, start, attempt, (int?)response?.StatusCode, category);
            response?.Dispose();
            throw;
        }
    }

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
