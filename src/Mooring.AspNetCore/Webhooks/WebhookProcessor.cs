using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Storage;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>
/// One round of a worker: lease due events, run their handlers, then mark the successes completed in one transaction
/// together with the handlers' enlisted writes (and the forwarding outbox rows), renewing the leases of a batch that runs
/// long; failures are retried with backoff and dead-lettered after <see cref="WebhookOptions.MaxAttempts"/>, as are events
/// whose last attempt ended without an outcome.
/// </summary>
internal sealed partial class WebhookProcessor(
    IWebhookEventStore store,
    WebhookHandlerRegistry handlers,
    ConnectionRouter router,
    WebhookForwarder forwarder,
    IServiceScopeFactory scopes,
    WebhookWriteGate gate,
    WebhookHandoff handoff,
    WebhookMetrics metrics,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookProcessor> logger)
{
    /// <summary>Leases a batch of due events from the store and processes it; returns how many events were leased.</summary>
    public async Task<int> ProcessBatchAsync(string owner, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var leased = await gate.RunAsync(ct => store.LeaseAsync(owner, time.GetUtcNow(), settings.LeaseDuration, settings.BatchSize, ct), cancellationToken).ConfigureAwait(false);
        await ProcessAsync(owner, leased, cancellationToken).ConfigureAwait(false);
        return leased.Count;
    }

    /// <summary>Processes a batch of the events this process received (<see cref="WebhookHandoff"/>); returns how many.</summary>
    public async Task<int> ProcessHandedOffAsync(CancellationToken cancellationToken)
    {
        var handed = handoff.Take(options.Value.BatchSize);
        await ProcessAsync(handoff.Owner, handed, cancellationToken).ConfigureAwait(false);
        return handed.Count;
    }

    /// <summary>
    /// Runs the handlers of a leased batch one after another and completes the successes in one transaction at the end.
    /// A batch that runs long (slow handlers, or handed-over events that waited in memory) does not let its leases run out:
    /// before an event runs, if the earliest lease in the batch has less than half of <see cref="WebhookOptions.LeaseDuration"/>
    /// left (or none), the completions gathered so far are committed and the leases of the events still to run are renewed
    /// (one statement, checked against the owner); an event whose lease another worker took meanwhile is not run here.
    /// With fast handlers nothing changes: one lease, one completion transaction.
    /// </summary>
    private async Task ProcessAsync(string owner, IReadOnlyList<WebhookEventRecord> leased, CancellationToken cancellationToken)
    {
        if (leased.Count == 0)
        {
            return;
        }

        var settings = options.Value;
        var halfLease = settings.LeaseDuration / 2;
        var started = time.GetUtcNow();
        var renewAt = leased.Min(e => e.LeaseExpiresAt ?? started) - halfLease;
        var held = new HashSet<long>(leased.Select(e => e.Id));
        var completions = new List<(WebhookEventRecord Event, WebhookCompletion Completion)>(leased.Count);
        for (var i = 0; i < leased.Count; i++)
        {
            if (time.GetUtcNow() >= renewAt)
            {
                await CompleteAsync(owner, completions, cancellationToken).ConfigureAwait(false);
                completions.Clear();
                var now = time.GetUtcNow();
                await RenewAsync(owner, [.. leased.Skip(i).Where(e => held.Contains(e.Id))], held, now, cancellationToken).ConfigureAwait(false);
                renewAt = now + halfLease;
            }

            var webhookEvent = leased[i];
            if (!held.Contains(webhookEvent.Id))
            {
                continue;
            }

            if (webhookEvent.Attempts > settings.MaxAttempts)
            {
                await AbandonAsync(owner, webhookEvent, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using var activity = WebhookMetrics.ActivitySource.StartActivity("webhook process");
            activity?.SetTag("mooring.provider", webhookEvent.Provider.Value);
            activity?.SetTag("mooring.webhook.event_type", webhookEvent.EventType);
            var completion = await HandleAsync(owner, webhookEvent, cancellationToken).ConfigureAwait(false);
            if (completion is not null)
            {
                completions.Add((webhookEvent, completion));
            }
        }

        await CompleteAsync(owner, completions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renews the leases of <paramref name="rest"/>; those another worker took leave <paramref name="held"/> and are not run here.</summary>
    private async Task RenewAsync(string owner, List<WebhookEventRecord> rest, HashSet<long> held, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var renewed = await gate.RunAsync(ct => store.RenewAsync([.. rest.Select(e => e.Id)], owner, now, options.Value.LeaseDuration, ct), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < rest.Count; i++)
        {
            if (!renewed[i])
            {
                held.Remove(rest[i].Id);
                metrics.Processed(rest[i].Provider, "lease_lost");
                Log.NotRun(logger, rest[i].Id);
            }
        }
    }

    private async Task<WebhookCompletion?> HandleAsync(string owner, WebhookEventRecord webhookEvent, CancellationToken cancellationToken)
    {
        var connection = await router.RouteAsync(webhookEvent, cancellationToken).ConfigureAwait(false);
        await using var scope = scopes.CreateAsyncScope();
        var context = new WebhookContext(webhookEvent, connection, scope.ServiceProvider);
        try
        {
            foreach (var handler in handlers.For(webhookEvent.Provider, webhookEvent.EventType))
            {
                await handler.Invoke(scope.ServiceProvider, context, cancellationToken).ConfigureAwait(false);
            }

            forwarder.Enlist(context);
            var writes = context.Writes.ToArray();
            return new WebhookCompletion(webhookEvent.Id, connection, writes.Length == 0 ? null : async (tx, ct) =>
            {
                foreach (var write in writes)
                {
                    await write(tx, ct).ConfigureAwait(false);
                }
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FailAsync(owner, webhookEvent, ex, cancellationToken).ConfigureAwait(false);
            return null;
        }
        finally
        {
            context.Release();
        }
    }

    private async Task CompleteAsync(string owner, List<(WebhookEventRecord Event, WebhookCompletion Completion)> completions, CancellationToken cancellationToken)
    {
        if (completions.Count == 0)
        {
            return;
        }

        try
        {
            var applied = await gate.RunAsync(ct => store.CompleteAsync([.. completions.Select(c => c.Completion)], owner, time.GetUtcNow(), ct), cancellationToken).ConfigureAwait(false);
            Count(completions, applied);
            forwarder.Queued.Pulse();
        }
        catch (Exception ex) when (completions.Count > 1 && ex is not OperationCanceledException)
        {
            // One handler's write failed and took the batch's transaction with it: complete one by one so that only it fails.
            foreach (var one in completions)
            {
                await CompleteOneAsync(owner, one, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await FailAsync(owner, completions[0].Event, ex, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CompleteOneAsync(string owner, (WebhookEventRecord Event, WebhookCompletion Completion) one, CancellationToken cancellationToken)
    {
        try
        {
            Count([one], await gate.RunAsync(ct => store.CompleteAsync([one.Completion], owner, time.GetUtcNow(), ct), cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await FailAsync(owner, one.Event, ex, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Count(List<(WebhookEventRecord Event, WebhookCompletion Completion)> completions, IReadOnlyList<bool> applied)
    {
        for (var i = 0; i < completions.Count; i++)
        {
            metrics.Processed(completions[i].Event.Provider, applied[i] ? "completed" : "lease_lost");
            if (!applied[i])
            {
                Log.LeaseLost(logger, completions[i].Event.Id);
            }
        }
    }

    private async Task FailAsync(string owner, WebhookEventRecord webhookEvent, Exception exception, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var dead = webhookEvent.Attempts >= settings.MaxAttempts;
        DateTimeOffset? retryAt = dead ? null : time.GetUtcNow() + RetryBackoff.Delay(webhookEvent.Attempts, settings.RetryBaseDelay, settings.RetryMaxDelay, Random.Shared);
        var error = $"{exception.GetType().Name}: {exception.Message}";
        await gate.RunAsync(ct => store.FailAsync(webhookEvent.Id, owner, error.Length > 2000 ? error[..2000] : error, retryAt, ct), cancellationToken).ConfigureAwait(false);
        metrics.Processed(webhookEvent.Provider, dead ? "dead" : "failed");
        Log.HandlerFailed(logger, exception, webhookEvent.Id, webhookEvent.Provider.Value, webhookEvent.EventType, webhookEvent.Attempts, dead);
    }

    /// <summary>
    /// An event leased for one attempt more than <see cref="WebhookOptions.MaxAttempts"/>: its last attempt ended with no
    /// outcome (the process stopped, or a handler ran past <see cref="WebhookOptions.LeaseDuration"/> and the lease ran out),
    /// because one that fails on its last attempt is dead already. It is dead-lettered without running its handlers again,
    /// so that an event that crashes or hangs its handler does not go round for ever.
    /// </summary>
    private async Task AbandonAsync(string owner, WebhookEventRecord webhookEvent, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var error = $"Abandoned: attempt {webhookEvent.Attempts - 1} ended without an outcome (the process stopped, or a handler ran longer than LeaseDuration, {settings.LeaseDuration}), and all {settings.MaxAttempts} attempts (MaxAttempts) are used.";
        await gate.RunAsync(ct => store.FailAsync(webhookEvent.Id, owner, error, null, ct), cancellationToken).ConfigureAwait(false);
        metrics.Processed(webhookEvent.Provider, "dead");
        Log.Abandoned(logger, webhookEvent.Id, webhookEvent.Provider.Value, webhookEvent.EventType, webhookEvent.Attempts - 1);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Webhook event {Id} ({Provider} {EventType}) failed on attempt {Attempt}; dead-lettered: {Dead}")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, long id, string provider, string? eventType, int attempt, bool dead);

        [LoggerMessage(2, LogLevel.Warning, "Webhook event {Id} took longer than its lease and was taken by another worker; its effects were not applied here")]
        public static partial void LeaseLost(ILogger logger, long id);

        [LoggerMessage(3, LogLevel.Warning, "Webhook event {Id} ({Provider} {EventType}) dead-lettered: attempt {Attempt}, its last, ended without an outcome (process stopped or lease ran out)")]
        public static partial void Abandoned(ILogger logger, long id, string provider, string? eventType, int attempt);

        [LoggerMessage(4, LogLevel.Warning, "Webhook event {Id} waited longer than its lease before its turn in a batch and was taken by another worker; it is not run here")]
        public static partial void NotRun(ILogger logger, long id);
    }
}
