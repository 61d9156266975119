using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>
/// The host app behind a standalone Mooring: the handler of its forwarded events. Each delivery is verified per Standard
/// Webhooks (the StandardWebhooks package) and its effect is applied once per <c>webhook-id</c>, the idempotency key
/// Standard Webhooks gives receivers: a delivery sent again under the same id (Mooring's sender died between sending it
/// and recording the answer) is counted as a duplicate and has no effect. An event that Mooring processed twice would
/// reach it under two ids only if it had been stored twice; one processed twice under one id shows in the outbox instead.
/// </summary>
internal sealed class EffectReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _effects = new(StringComparer.Ordinal);
    private int _duplicates;
    private int _unverified;

    private EffectReceiver(WebApplication app) => _app = app;

    /// <summary>Where Mooring forwards to.</summary>
    public string Url => _app.Urls.First() + "/hooks";

    /// <summary>The <c>webhook-id</c>s of the effects applied, by the provider event id the delivery carried.</summary>
    public ILookup<string, string> Effects => _effects.ToLookup(e => e.Value, e => e.Key, StringComparer.Ordinal);

    /// <summary>Deliveries received again under a <c>webhook-id</c> whose effect was applied already.</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Deliveries whose signature did not verify (answered 400, no effect).</summary>
    public int Unverified => Volatile.Read(ref _unverified);

    public static async Task<EffectReceiver> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls=http://127.0.0.1:0"] });
        builder.Logging.ClearProviders();
        var receiver = new EffectReceiver(builder.Build());
        receiver._app.MapPost("/hooks", receiver.ReceiveAsync);
        await receiver._app.StartAsync(TestContext.Current.CancellationToken);
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task ReceiveAsync(HttpContext http)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync(http.RequestAborted);
        try
        {
            new StandardWebhook(TestSecrets.Forwarding).Verify(body, http.Request.Headers);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _unverified);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var eventId = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("event_id").GetString()!;
        if (!_effects.TryAdd(http.Request.Headers["webhook-id"].ToString(), eventId))
        {
            Interlocked.Increment(ref _duplicates);
        }

        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
