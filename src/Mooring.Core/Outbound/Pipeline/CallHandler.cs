using System.Diagnostics;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Outbound.Errors;
using Mooring.Outbound.RateLimiting;
using Mooring.Outbound.Telemetry;
using Mooring.Providers;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// The outermost handler of the outbound client, once per call: finds the connection and its provider, adds the
/// provider's idempotency key (before any retry, so every attempt carries the same one), buffers the body so that it
/// can be sent again, opens the call's activity, runs the call through its provider's Polly pipeline
/// (<see cref="CallPipelines"/>), counts the call and its failure (with an answer or without), and turns failures
/// without a response (open circuit, budget spent, network) into a <see cref="ProviderApiException"/>. A request to a
/// host that may not receive the connection's credentials (<see cref="ProviderHosts.MayReceiveCredentials"/>) is
/// refused before any of that.
/// </summary>
internal sealed class CallHandler(
    ConnectionCache connections, IProviderCatalog catalog, CallPipelines pipelines, IOptions<OutboundOptions> options, TimeProvider time, OutboundTelemetry telemetry)
    : DelegatingHandler
{
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _sendAttempt;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var connectionId = OutboundRequestOptions.ConnectionOf(request);
        var (connection, credentials) = await connections.GetAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var provider = catalog.Get(connection.Provider);
        var policy = options.Value.CachedPolicyFor(provider.Key.Value);
        var method = request.Method.Method;
        var template = request.Options.TryGetValue(OutboundRequestOptions.Operation, out var named) ? named : null;
        var path = template is null ? PathOf(request.RequestUri, provider.ApiBaseUrl) : TemplatePath(template, method);
        var start = time.GetTimestamp();
        var call = new OutboundCall(connection, credentials, provider, policy, method, template, path, start + Ticks(policy.TotalTimeout))
        {
            CallerCancellation = cancellationToken,
        };

        // The connection's credentials go to the provider's own hosts only, whoever built the URL (a caller's absolute
        // URL, a redirect an SDK follows itself): checked once per call, before any attempt, wait or circuit count. The
        // refusal is a failed call in the metrics, where a dashboard shows a misconfigured client or an attempt at SSRF.
        if (request.RequestUri is not { } target || !ProviderHosts.MayReceiveCredentials(provider, target))
        {
            var refusal = ForeignHost.Refusal(call, request.RequestUri);
            var category = ErrorCategoryNames.Of(refusal.Category);
            telemetry.Failed(provider.Key.Value, category);
            telemetry.CallCompleted(provider.Key.Value, method, template ?? "other", time.GetElapsedTime(start), category);
            throw refusal;
        }

        request.Options.Set(OutboundRequestOptions.Call, call);
        request.Options.Set(ProviderRateLimiter.GiveUpAtKey, time.GetUtcNow() + policy.TotalTimeout);

        RetryRules.AddIdempotencyKey(request, provider);
        call.MaySendAgain = RetryRules.MaySendAgain(request, provider);
        if (call.MaySendAgain && request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        // The activity's name is only built when someone listens.
        using var activity = OutboundTelemetry.ActivitySource.HasListeners()
            ? OutboundTelemetry.ActivitySource.StartActivity($"{provider.Key.Value} {call.Operation}", ActivityKind.Client)
            : null;
        activity?.SetTag("mooring.provider", provider.Key.Value);
        activity?.SetTag("mooring.connection", connectionId.Value);
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("mooring.operation", call.Operation);
        call.TraceIdValue = activity?.TraceId ?? Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom();
        var outcome = "exception";
        var context = CallPipelines.Rent(request, cancellationToken);
        try
        {
            var response = await pipelines.SendAsync(provider.Key.Value, context, request, _sendAttempt ??= SendAttemptAsync).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            outcome = OutboundTelemetry.StatusName(status);
            activity?.SetTag("http.response.status_code", status);
            if (activity is not null || telemetry.RecordsErrors)
            {
                await RecordAnswerAsync(call, response, activity, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = ErrorCategoryNames.Cancelled; // the caller gave up: its cancellation goes back as it is
            throw;
        }
        catch (Exception ex) when (Classify(ex, call) is { } category)
        {
            outcome = ErrorCategoryNames.Of(category);
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            telemetry.Failed(provider.Key.Value, outcome);
            throw NoAnswer(call, category, ex);
        }
        finally
        {
            CallPipelines.Return(context);
            activity?.SetTag("mooring.attempts", call.Attempts);
            if (telemetry.RecordsCalls)
            {
                telemetry.CallCompleted(provider.Key.Value, method, template ?? "other", time.GetElapsedTime(start), outcome);
            }
        }
    }

    /// <summary>
    /// Marks a failed answer as the caller's <see cref="ProviderApiException"/> will (Slack's <c>ok:false</c> with HTTP 200
    /// included): the activity's error status and one count of the errors metric. Drops the answer if its body cannot be read.
    /// </summary>
    private async ValueTask RecordAnswerAsync(OutboundCall call, HttpResponseMessage response, Activity? activity, CancellationToken cancellationToken)
    {
        ProviderErrorCategory? failed;
        try
        {
            failed = await BodySignals.AnswerCategoryAsync(call, response, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (failed is { } category)
        {
            var name = ErrorCategoryNames.Of(category);
            activity?.SetStatus(ActivityStatusCode.Error, name);
            telemetry.Failed(call.Provider.Key.Value, name);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>The template without its method (<c>/v1/subscriptions/{id}</c>), or the whole name when it has none (<c>chat.postMessage</c>).</summary>
    private static string TemplatePath(string template, string method) =>
        template.Length > method.Length && template[method.Length] == ' ' && template.StartsWith(method, StringComparison.Ordinal)
            ? template[(method.Length + 1)..]
            : template;

    /// <summary>The path relative to the provider's API base URL (<c>/v1/customers</c>), without query or fragment.</summary>
    /// <remarks>
    /// Compares the parts the <see cref="Uri"/>s hold parsed already (scheme, host, port, path) rather than asking
    /// <see cref="Uri.IsBaseOf"/>, which rebuilds both URIs as strings on every call.
    /// </remarks>
    private static string PathOf(Uri? uri, Uri? apiBase)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return uri?.OriginalString.Split('?', '#')[0] ?? string.Empty;
        }

        var path = uri.AbsolutePath;
        if (apiBase is null || !ProviderHosts.SameOrigin(uri, apiBase))
        {
            return path;
        }

        // Under a base of "/" the path is its own relative path; under "/v1/" the rest follows a new "/".
        var basePath = apiBase.AbsolutePath;
        return basePath.Length > 1 && path.StartsWith(basePath, StringComparison.Ordinal) ? string.Concat("/", path.AsSpan(basePath.Length)) : path;
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private static ProviderErrorCategory? Classify(Exception exception, OutboundCall call) => exception switch
    {
        BrokenCircuitException => ProviderErrorCategory.CircuitOpen,
        RateLimitWaitTooLongException => ProviderErrorCategory.RateLimited, // also from the resend after a refreshed token
        TimeoutRejectedException when call.PacedPastBudget => ProviderErrorCategory.RateLimited,
        TimeoutRejectedException => ProviderErrorCategory.ProviderUnavailable,
        HttpRequestException => ProviderErrorCategory.Network,
        ConnectionNeedsReconnectException => ProviderErrorCategory.NeedsReconnect,
        TokenRequestException token => token.IsTransient ? ProviderErrorCategory.ProviderUnavailable : ProviderErrorCategory.Auth,
        _ => null,
    };

    private static ProviderApiException NoAnswer(OutboundCall call, ProviderErrorCategory category, Exception exception)
    {
        var name = call.Provider.DisplayName.Length > 0 ? call.Provider.DisplayName : call.Provider.Key.Value;
        var attempts = call.Attempts == 1 ? "1 attempt" : $"{call.Attempts} attempts";
        var message = exception switch
        {
            BrokenCircuitException => $"Mooring is not calling {name} for a while after repeated failures (circuit open); {call.Operation} was not sent",
            RateLimitWaitTooLongException wait =>
                $"{call.Operation} was not sent: {name}'s rate limit has no room for {wait.Wait.TotalSeconds:0.#} s, longer than its {call.Policy.TotalTimeout.TotalSeconds:0.#} s budget (Mooring paces calls to stay under the limit)",
            TimeoutRejectedException when call.PacedPastBudget =>
                $"{call.Operation} waited for {name}'s rate limit (Mooring paces calls to stay under it) until its {call.Policy.TotalTimeout.TotalSeconds:0.#} s budget ran out ({attempts})",
            TimeoutRejectedException => $"{name} did not answer {call.Operation} within the {call.Policy.TotalTimeout.TotalSeconds:0.#} s budget ({attempts})",
            HttpRequestException http => $"{name} could not be reached for {call.Operation}: {http.HttpRequestError} ({attempts})",
            ConnectionNeedsReconnectException => $"{name} refused the grant of connection {call.Connection.Id}; the user must connect again",
            TokenRequestException token => $"{name} did not issue a token for connection {call.Connection.Id}: {token.Error}",
            _ => $"{name} failed {call.Operation}",
        };
        return new ProviderApiException(message, exception)
        {
            Provider = call.Provider.Key,
            ConnectionId = call.Connection.Id,
            Operation = call.Operation,
            Category = category,
            IsRetryable = ErrorCategoryNames.IsRetryable(category),
            RetryAfter = (exception as BrokenCircuitException)?.RetryAfter ?? (exception as RateLimitWaitTooLongException)?.Wait,
            Attempts = call.Attempts,
        };
    }
}
