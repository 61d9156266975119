using System.Diagnostics;
using Mooring.Connections;
using Mooring.Providers;

namespace Mooring.Outbound;

/// <summary>
/// One call through the pipeline, shared by its attempts: the connection, the provider, the operation name, the time
/// budget and how many attempts were sent. Holds the connection's credentials, so it is never logged.
/// </summary>
internal sealed class OutboundCall(
    Connection connection, ConnectionCredentials? credentials, ProviderDefinition provider, OutboundPolicy policy, string method, string? template, string path, long deadline)
{
    private int _attempts;
    private string? _operation = template;
    private string? _traceId;

    public Connection Connection { get; } = connection;

    public ConnectionCredentials? Credentials { get; } = credentials;

    public ProviderDefinition Provider { get; } = provider;

    public OutboundPolicy Policy { get; } = policy;

    /// <summary>
    /// The operation for errors, logs and traces: the endpoint template the caller named, else the method and the path
    /// without its query (made when first asked for: a call that succeeds untraced never needs it).
    /// </summary>
    public string Operation => _operation ??= string.Concat(method, " ", Path);

    /// <summary>The operation without its method (<c>/v1/subscriptions/{id}</c>), or the path without query or fragment, for the request log.</summary>
    public string Path { get; } = path;

    /// <summary>When the call's budget ends, in <see cref="TimeProvider.GetTimestamp"/> ticks.</summary>
    public long Deadline { get; } = deadline;

    /// <summary>The W3C trace id of the call: its activity's when traced, else one of its own, the same for every attempt.</summary>
    public ActivityTraceId TraceIdValue { get; set; }

    /// <summary><see cref="TraceIdValue"/> in hex, made when first asked for (by the request log).</summary>
    public string TraceId => _traceId ??= TraceIdValue.ToHexString();

    /// <summary>The caller's own token: when it is cancelled, the caller gave up (not the provider, nor a timeout).</summary>
    public CancellationToken CallerCancellation { get; init; }

    /// <summary>Whether a request that may have reached the provider can be sent again (safe method, or an idempotency key).</summary>
    public bool MaySendAgain { get; set; }

    /// <summary>
    /// Whether the call's budget ran out while it waited for a rate-limit slot: what failed it was Mooring's own pacing,
    /// not a provider that did not answer.
    /// </summary>
    public bool PacedPastBudget { get; set; }

    /// <summary>What <see cref="Pipeline.BodySignals"/> read from the last answer's body, so that it is read once.</summary>
    public (HttpResponseMessage Response, Errors.ErrorVerdict? Verdict)? BodyVerdict { get; set; }

    /// <summary>How many requests were sent (a resend after a refreshed token counts).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Counts a request about to be sent; returns its number, 1 for the first.</summary>
    public int NextAttempt() => Interlocked.Increment(ref _attempts);

    /// <inheritdoc />
    public override string ToString() => $"OutboundCall {{ {Provider.Key} {Operation}, attempts {Attempts} }}";
}
