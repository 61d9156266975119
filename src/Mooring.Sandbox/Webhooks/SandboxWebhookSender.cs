using System.Text;

namespace Mooring.Sandbox.Webhooks;

/// <summary>
/// Delivers signed webhooks to a receiver over HTTP, as the providers do, and as they misbehave: repeated,
/// reordered, or signed long ago. The same <see cref="WebhookDeliveryOptions.Seed"/> gives the same delivery plan.
/// </summary>
public sealed class SandboxWebhookSender
{
    /// <summary>The name of the HttpClient the sender asks the factory for.</summary>
    public const string HttpClientName = "Mooring.Sandbox.Webhooks";

    private readonly IHttpClientFactory _clients;
    private readonly Hosting.SandboxState _state;
    private readonly List<WebhookEndpoint> _endpoints = [];

    internal SandboxWebhookSender(IHttpClientFactory clients, Hosting.SandboxState state)
    {
        _clients = clients;
        _state = state;
    }

    /// <summary>
    /// Registers a receiver for what an emulated provider produces from here on: Stripe events (API writes and
    /// data changes), GitHub <c>issues</c> deliveries and Slack <c>event_callback</c>s for message changes. Nothing
    /// is sent until <see cref="DeliverPendingAsync"/>, so a test decides when deliveries happen.
    /// </summary>
    /// <param name="provider"><see cref="SandboxProvider.Stripe"/>, <see cref="SandboxProvider.GitHub"/> or <see cref="SandboxProvider.Slack"/>.</param>
    /// <param name="url">The receiver.</param>
    /// <param name="secret">The signing secret; the scheme is the provider's own.</param>
    /// <param name="delivery">Duplicates, reordering and staleness, or <see langword="null"/> for a faithful delivery.</param>
    public void AddEndpoint(string provider, Uri url, string secret, WebhookDeliveryOptions? delivery = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(secret);
        var (feed, scheme) = Source(provider);
        lock (_endpoints)
        {
            _endpoints.Add(new WebhookEndpoint(provider, url, secret, scheme, delivery ?? new WebhookDeliveryOptions()) { Position = feed.From(0).Count });
        }
    }

    /// <summary>
    /// Sends every registered endpoint what its provider produced since the last delivery, then every Google Calendar
    /// push notification waiting (the <c>sync</c> of a channel that <c>events.watch</c> opened, an <c>exists</c> for each
    /// change to a watched calendar) to its channel's address. A channel's receiver needs no <see cref="AddEndpoint"/>:
    /// the watch request names it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>One result per delivery, endpoint by endpoint, then the notifications (message id <c>{channel id}:{message number}</c>).</returns>
    public async Task<IReadOnlyList<WebhookDeliveryResult>> DeliverPendingAsync(CancellationToken cancellationToken = default)
    {
        WebhookEndpoint[] endpoints;
        lock (_endpoints)
        {
            endpoints = [.. _endpoints];
        }

        var results = new List<WebhookDeliveryResult>();
        foreach (var endpoint in endpoints)
        {
            var pending = Source(endpoint.Provider).Feed.From(endpoint.Position);
            endpoint.Position += pending.Count;
            results.AddRange(await SendAsync(endpoint.Url, endpoint.Scheme, endpoint.Secret, pending, endpoint.Delivery, cancellationToken).ConfigureAwait(false));
        }

        foreach (var notification in _state.Google.Channels.TakePending())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, notification.Channel.Address) { Content = new ByteArrayContent([]) };
            foreach (var (name, value) in notification.Headers())
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            results.Add(new WebhookDeliveryResult(notification.Id, await PostAsync(request, cancellationToken).ConfigureAwait(false), false));
        }

        return results;
    }

    /// <summary>Signs and POSTs each message to <paramref name="target"/>, one after another, following the delivery plan.</summary>
    /// <param name="target">The receiver's URL.</param>
    /// <param name="scheme">The signature scheme.</param>
    /// <param name="secret">The signing secret.</param>
    /// <param name="messages">The messages, in their true order.</param>
    /// <param name="delivery">Duplicates, reordering and staleness, or <see langword="null"/> for a faithful delivery.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>One result per delivery, in delivery order.</returns>
    public async Task<IReadOnlyList<WebhookDeliveryResult>> SendAsync(
        Uri target,
        WebhookScheme scheme,
        string secret,
        IEnumerable<WebhookMessage> messages,
        WebhookDeliveryOptions? delivery = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(messages);
        delivery ??= new WebhookDeliveryOptions();
        var results = new List<WebhookDeliveryResult>();
        foreach (var (message, duplicate) in DeliveryPlan.Build(messages, delivery))
        {
            var signed = WebhookSigner.Sign(scheme, secret, message, _state.Options.TimeProvider.GetUtcNow() - delivery.Staleness);
            using var request = new HttpRequestMessage(HttpMethod.Post, target)
            {
                Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
            };
            foreach (var (name, value) in signed.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            results.Add(new WebhookDeliveryResult(message.Id, await PostAsync(request, cancellationToken).ConfigureAwait(false), duplicate));
        }

        return results;
    }

    /// <summary>The receiver's status, or 0 when the request failed without one.</summary>
    private async Task<int> PostAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private (WebhookFeed Feed, WebhookScheme Scheme) Source(string provider) => provider switch
    {
        SandboxProvider.Stripe => (_state.Stripe.Feed, WebhookScheme.Stripe),
        SandboxProvider.GitHub => (_state.GitHub.Feed, WebhookScheme.GitHub),
        SandboxProvider.Slack => (_state.Slack.Feed, WebhookScheme.Slack),
        _ => throw new ArgumentException($"The {provider} emulator sends no webhooks (Google's Calendar notifications go to the channels that events.watch opens, without an endpoint; Gmail's Pub/Sub push is not emulated).", nameof(provider)),
    };
}
