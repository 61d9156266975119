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
    private readonly SandboxOptions _options;

    internal SandboxWebhookSender(IHttpClientFactory clients, SandboxOptions options)
    {
        _clients = clients;
        _options = options;
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
            var signed = WebhookSigner.Sign(scheme, secret, message, _options.TimeProvider.GetUtcNow() - delivery.Staleness);
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
}
