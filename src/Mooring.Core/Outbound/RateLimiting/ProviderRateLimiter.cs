using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Outbound.Pipeline;
using Mooring.Providers;

namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// Paces calls by GCRA buckets (<see cref="IBucketStore"/>: in process or in Redis) from the provider definition and
/// from what responses report, with callers of this process queued by priority (<see cref="WaitQueue"/>).
/// </summary>
internal sealed class ProviderRateLimiter : IProviderRateLimiter, IDisposable
{
    private static readonly HttpRequestOptionsKey<LearnedLimits.Grant> GrantKey = new("Mooring.RateLimiting.Grant");

    /// <summary>
    /// The moment the request's call gives up (its budget's end), set by the outbound pipeline: a slot further away than
    /// that is not waited for (<see cref="RateLimitWaitTooLongException"/>).
    /// </summary>
    internal static readonly HttpRequestOptionsKey<DateTimeOffset> GiveUpAtKey = new("Mooring.RateLimiting.GiveUpAt");

    private readonly IBucketStore _store;
    private readonly RequestPlanner _planner;
    private readonly TimeProvider _time;
    private readonly ILogger<ProviderRateLimiter> _logger;
    private readonly RateLimitingOptions _options;
    private readonly WaitQueue _queue;
    private readonly LearnedLimits _learned;
    private readonly ConcurrencySlots _slots;

    public ProviderRateLimiter(IBucketStore store, RequestPlanner planner, TimeProvider time, IOptions<RateLimitingOptions> options, ILogger<ProviderRateLimiter> logger)
    {
        _store = store;
        _planner = planner;
        _time = time;
        _logger = logger;
        _options = options.Value;
        _queue = new WaitQueue(time, _options.BackgroundPromotionDelay, Parking);
        _slots = new ConcurrencySlots(Parking);
        _learned = new LearnedLimits(PacingShape.From(_options), _options.SlowDownBelow);
    }

    /// <summary>The callers parked on the clock, the queue or a concurrency slot (what tests on a fake clock wait for).</summary>
    internal Parking Parking { get; } = new();

    public async ValueTask<IDisposable> AcquireAsync(ProviderDefinition provider, ConnectionId? connectionId, HttpRequestMessage request, CallPriority priority, CancellationToken cancellationToken)
    {
        var plan = await PaceAsync(provider, connectionId, request, priority, cancellationToken).ConfigureAwait(false);
        return plan is null || plan.Concurrency.Count == 0 ? NotPaced.Instance : await _slots.AcquireAsync(plan.Concurrency, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until <paramref name="request"/> may be sent under the buckets that pace it, without taking a concurrency
    /// slot: for a request sent again while its call still holds one (the resend after a refreshed token). Returns the
    /// plan, or <see langword="null"/> when pacing is off.
    /// </summary>
    public async ValueTask<RequestPlan?> PaceAsync(ProviderDefinition provider, ConnectionId? connectionId, HttpRequestMessage request, CallPriority priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(request);
        if (!_options.Enabled)
        {
            return null;
        }

        var plan = await _planner.PlanAsync(provider, connectionId, request, cancellationToken).ConfigureAwait(false);
        var reserved = await ReserveInTurnAsync(plan, request, priority, cancellationToken).ConfigureAwait(false);

        // A cancellation from here on forfeits the reserved slot (at most the horizon away) rather than give it back.
        await DelayAsync(reserved, cancellationToken).ConfigureAwait(false);

        var grant = _learned.Granted(plan, _time.GetUtcNow().UtcTicks);
        request.Options.Set(GrantKey, grant);
        if (grant.Pauses.Count > 0)
        {
            Pause(grant.Pauses, "nothing left until the reset");
        }

        return plan;
    }

    /// <summary>
    /// Reserves the plan's buckets in the caller's turn. When no caller of this process waits on the plan's keys, the
    /// caller is first by definition and tries the store at once, without entering the queue.
    /// </summary>
    private async ValueTask<TimeSpan> ReserveInTurnAsync(RequestPlan plan, HttpRequestMessage request, CallPriority priority, CancellationToken cancellationToken)
    {
        var keys = QueueKeys(plan);
        if (_queue.IsIdle(keys))
        {
            var demands = _learned.Demands(plan, _time.GetUtcNow().UtcTicks);
            var take = await _store.TryTakeAsync(demands, _options.ReservationHorizon, cancellationToken).ConfigureAwait(false);
            if (take.Taken)
            {
                return take.Wait;
            }

            ThrowIfPastGiveUp(request, take.Wait);
        }

        var waiter = _queue.Enter(keys, priority);
        try
        {
            return await ReserveAsync(plan, request, waiter, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _queue.Leave(waiter);
        }
    }

    public void Observe(ProviderDefinition provider, ConnectionId? connectionId, HttpRequestMessage request, HttpResponseMessage response) =>
        Observe(provider, connectionId, request, response, BodyLimit.None);

    /// <summary>
    /// <see cref="Observe(ProviderDefinition, ConnectionId?, HttpRequestMessage, HttpResponseMessage)"/>, told what the body
    /// said: a rate limit (Google's 403 <c>userRateLimitExceeded</c>, Slack's <c>ok:false</c> <c>ratelimited</c>) backs off
    /// as a 429 does, and one of the whole connection (GitHub's "secondary rate limit") pauses every bucket of the
    /// connection. Any answer whose status or headers say "rate limited" backs off too (GitHub's 403 with
    /// <c>retry-after</c>), for its <c>Retry-After</c>, else the reset of a used-up limit, else the definition's
    /// <c>defaultRetryAfterSeconds</c> (GitHub's minute), else <see cref="RateLimitingOptions.DefaultPause"/>.
    /// </summary>
    public void Observe(ProviderDefinition provider, ConnectionId? connectionId, HttpRequestMessage request, HttpResponseMessage response, BodyLimit body)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var now = _time.GetUtcNow();
        var policy = provider.RateLimits;
        var reading = RateLimitHeaderReader.Read(policy.Headers, response, now);
        if (!request.Options.TryGetValue(GrantKey, out var grant))
        {
            grant = LearnedLimits.Grant.Without(_planner.PlanWithoutBody(provider, connectionId, request));
        }

        if (reading.Limits.Count > 0)
        {
            Pause(_learned.Observe(grant, reading.Limits, now.UtcTicks), "the provider reports nothing left until the reset");
        }

        if (body != BodyLimit.None || ResponseSignals.IsRateLimited(provider, response))
        {
            var resets = reading.Limits.Where(l => l.Remaining == 0).Select(l => l.ResetAfter);
            var pause = reading.RetryAfter ?? resets.Max() ?? policy.DefaultRetryAfter ?? DefaultPause(grant.Plan);
            var status = (int)response.StatusCode;
            var keys = body == BodyLimit.Connection
                ? ConnectionKeys(grant.Plan)
                : [grant.Plan.NarrowKey ?? _learned.Keys(grant.Plan).First()];
            Pause(keys.Select(key => (key, pause)), body switch
            {
                BodyLimit.Connection => $"HTTP {status}, a limit of the whole connection by its body",
                BodyLimit.Limited => $"HTTP {status}, rate limited by its body",
                _ => $"HTTP {status}",
            });
        }
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>
    /// Every bucket of the connection that the request counts against, the definition's and those learnt from headers:
    /// what a limit of the whole connection (GitHub's secondary limits) pauses, whichever endpoint was answered.
    /// </summary>
    private string[] ConnectionKeys(RequestPlan plan)
    {
        var connection = plan.ConnectionScope + ":";
        return [.. plan.Demands.Select(d => d.Key).Where(key => key.StartsWith(connection, StringComparison.Ordinal)), .. _learned.Keys(plan)];
    }

    // A 429 that says nothing of when to retry, on a call the definition paces: the pacing was a little off (latency
    // bunched calls into one window), and that window ends within its period; a tenth of it costs little if it was not.
    private TimeSpan DefaultPause(RequestPlan plan) =>
        plan.ShortestPeriod is { } period && period / 10 < _options.DefaultPause ? period / 10 : _options.DefaultPause;

    /// <summary>
    /// Waits for the caller's turn among this process's waiters, then reserves the buckets for a moment at most
    /// <see cref="RateLimitingOptions.ReservationHorizon"/> away and leaves the queue, so that the next caller can reserve
    /// the slot after it while this one sleeps: a late wake-up then delays one call instead of every call behind it.
    /// Returns the wait until the reserved moment.
    /// </summary>
    private async ValueTask<TimeSpan> ReserveAsync(RequestPlan plan, HttpRequestMessage request, WaitQueue.Waiter waiter, CancellationToken cancellationToken)
    {
        while (true)
        {
            await _queue.WaitTurnAsync(waiter, cancellationToken).ConfigureAwait(false);
            var demands = _learned.Demands(plan, _time.GetUtcNow().UtcTicks);
            var take = await _store.TryTakeAsync(demands, _options.ReservationHorizon, cancellationToken).ConfigureAwait(false);
            if (take.Taken)
            {
                return take.Wait;
            }

            ThrowIfPastGiveUp(request, take.Wait);

            RateLimitingLog.Waiting(_logger, plan.Provider, take.Wait);
            await DelayAsync(take.Wait - _options.ReservationHorizon, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Fails now rather than wait for a slot the call will have given up on before it comes.</summary>
    private void ThrowIfPastGiveUp(HttpRequestMessage request, TimeSpan wait)
    {
        if (request.Options.TryGetValue(GiveUpAtKey, out var giveUpAt) && _time.GetUtcNow() + wait > giveUpAt)
        {
            throw new RateLimitWaitTooLongException(wait);
        }
    }

    // Timers count whole milliseconds: a shorter wait would fire at once and spin until the clock moves.
    private Task DelayAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        wait > TimeSpan.Zero
            ? Parking.Park(Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), _time, cancellationToken))
            : Task.CompletedTask;

    /// <summary>The keys of the plan's buckets and learned limits, made once per plan and set of learned names.</summary>
    private HashSet<string> QueueKeys(RequestPlan plan)
    {
        var learned = _learned.Keys(plan);
        if (plan.QueueKeys is { } known && ReferenceEquals(known.Learned, learned))
        {
            return known.All;
        }

        var keys = new HashSet<string>(plan.Demands.Select(d => d.Key), StringComparer.Ordinal);
        keys.UnionWith(learned);
        plan.QueueKeys = (learned, keys);
        return keys;
    }

    private void Pause(IEnumerable<(string Key, TimeSpan Pause)> pauses, string reason)
    {
        foreach (var (key, pause) in pauses)
        {
            var capped = pause > _options.MaxPause ? _options.MaxPause : pause;
            RateLimitingLog.Paused(_logger, key, capped, reason);
            _ = PauseAsync(key, capped);
        }
    }

    private async Task PauseAsync(string key, TimeSpan pause)
    {
        try
        {
            await _store.PauseAsync(key, pause, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            RateLimitingLog.PauseFailed(_logger, key, exception);
        }
    }

    /// <summary>The lease of a call that was not paced (<see cref="RateLimitingOptions.Enabled"/> is off).</summary>
    private sealed class NotPaced : IDisposable
    {
        public static readonly NotPaced Instance = new();

        public void Dispose()
        {
        }
    }
}
