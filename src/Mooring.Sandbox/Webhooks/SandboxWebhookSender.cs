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

    /// <summary>Sends every registered endpoint what its provider produced since the last delivery.</summary>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>One result per delivery, endpoint by endpoint.</returns>
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
        var client = _clients.CreateClient(HttpClientName);
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

            int status;
            try
            {
                using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                status = 0;
            }

            results.Add(new WebhookDeliveryResult(message.Id, status, duplicate));
        }

        return results;
    }

    private (WebhookFeed Feed, WebhookScheme Scheme) Source(string provider) => provider switch
    {
        SandboxProvider.Stripe => (_state.Stripe.Feed, WebhookScheme.Stripe),
        SandboxProvider.GitHub => (_state.GitHub.Feed, WebhookScheme.GitHub),
        SandboxProvider.Slack => (_state.Slack.Feed, WebhookScheme.Slack),
        _ => throw new ArgumentException($"The {provider} emulator sends no webhooks (Google pushes through Pub/Sub and watch channels, which the sandbox does not emulate).", nameof(provider)),
    };
}
