using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Mooring.Outbound.Telemetry;

/// <summary>
/// The outbound activity source and meter (both <c>Mooring.Outbound</c>): one activity per call, counters of calls,
/// attempts, retries and failed calls by category, a histogram of call durations. Tags are provider keys, methods,
/// operation templates, statuses and categories; connection ids go on activities only, never a secret.
/// </summary>
internal sealed class OutboundTelemetry
{
    public const string Name = "Mooring.Outbound";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Counter<long> _calls;
    private readonly Counter<long> _attempts;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _logDropped;
    private readonly Histogram<double> _duration;

    public OutboundTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        _calls = meter.CreateCounter<long>("mooring.outbound.calls", "{call}", "Calls to providers, by provider, method, operation and outcome.");
        _attempts = meter.CreateCounter<long>("mooring.outbound.attempts", "{attempt}", "Requests sent to providers, retries and resends included.");
        _retries = meter.CreateCounter<long>("mooring.outbound.retries", "{attempt}", "Requests that were a second or later attempt of a call.");
        _errors = meter.CreateCounter<long>(
            "mooring.outbound.errors", "{call}", "Calls that failed, with an error answer or none, by provider and the error category the caller gets.");
        _logDropped = meter.CreateCounter<long>("mooring.outbound.request_log.dropped", "{entry}", "Request log entries dropped because the buffer was full.");
        _duration = meter.CreateHistogram<double>("mooring.outbound.call.duration", "s", "Duration of calls to providers, every attempt and wait included.");
    }

    /// <summary>Whether anyone listens to the call counter or duration (else a call records nothing, and builds no tags).</summary>
    public bool RecordsCalls => _calls.Enabled || _duration.Enabled;

    /// <summary>Whether anyone listens to the errors counter (else an answered call's category is not worked out for it).</summary>
    public bool RecordsErrors => _errors.Enabled;

    /// <summary>The outcome tag of an answered call: its status code, from a table for the usual ones.</summary>
    public static string StatusName(int status) => status switch
    {
        200 => "200",
        201 => "201",
        204 => "204",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };

    public void CallCompleted(string provider, string method, string operation, TimeSpan elapsed, string outcome)
    {
        if (!RecordsCalls)
        {
            return;
        }

        var tags = new TagList { { "provider", provider }, { "http.request.method", method }, { "operation", operation }, { "outcome", outcome } };
        _calls.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>
    /// Counts a call that failed, once whatever its attempts: with an error answer (the category of its
    /// <see cref="ProviderApiException"/>, Slack's <c>ok:false</c> with HTTP 200 included) or none (timeout, network,
    /// open circuit, pacing past the budget, a refused token). A call that a retry carried through is not counted.
    /// </summary>
    public void Failed(string provider, string category)
    {
        if (_errors.Enabled)
        {
            _errors.Add(1, new("provider", provider), new("error.category", category));
        }
    }

    public void Attempted(string provider, int attempt)
    {
        if (!_attempts.Enabled && !_retries.Enabled)
        {
            return;
        }

        var tag = new KeyValuePair<string, object?>("provider", provider);
        _attempts.Add(1, tag);
        if (attempt > 1)
        {
            _retries.Add(1, tag);
        }
    }

    public void LogEntryDropped() => _logDropped.Add(1);
}
