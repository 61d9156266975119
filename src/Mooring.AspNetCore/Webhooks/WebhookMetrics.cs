using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mooring.Connections;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// The webhook meter (<c>Mooring.Webhooks</c>): deliveries received by outcome and reason, acknowledgement latency, events
/// processed by outcome, forwardings by outcome. Tags are provider keys and fixed codes, never payload or secrets.
/// </summary>
internal sealed class WebhookMetrics
{
    public static readonly ActivitySource ActivitySource = new(WebhookConstants.ActivitySourceName);

    private readonly Counter<long> _received;
    private readonly Histogram<double> _ackDuration;
    private readonly Counter<long> _processed;
    private readonly Counter<long> _forwarded;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(WebhookConstants.MeterName);
        _received = meter.CreateCounter<long>("mooring.webhooks.received", "{delivery}", "Webhook deliveries received, by provider, outcome and reason.");
        _ackDuration = meter.CreateHistogram<double>("mooring.webhooks.ack.duration", "ms", "Time from request to acknowledgement, durable write included.");
        _processed = meter.CreateCounter<long>("mooring.webhooks.processed", "{event}", "Event processing attempts, by provider and outcome.");
        _forwarded = meter.CreateCounter<long>("mooring.webhooks.forwarded", "{attempt}", "Forwarding attempts to the host app, by outcome.");
    }

    public void Received(string provider, string outcome, string? reason = null) =>
        _received.Add(1, new("provider", provider), new("outcome", outcome), new("reason", reason ?? outcome));

    public void Acknowledged(ProviderKey provider, TimeSpan elapsed) =>
        _ackDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("provider", provider.Value));

    public void Processed(ProviderKey provider, string outcome) => _processed.Add(1, new("provider", provider.Value), new("outcome", outcome));

    public void Forwarded(string outcome) => _forwarded.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
