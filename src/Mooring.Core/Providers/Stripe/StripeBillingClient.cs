using System.Globalization;
using System.Text.Json;
using Mooring.Connections;
using Mooring.Outbound;

namespace Mooring.Providers.Stripe;

/// <summary>
/// Stripe subscriptions for a connection, through Mooring's outbound pipeline. Every POST carries an
/// <c>Idempotency-Key</c> that Mooring adds once, so that a retry never creates a second subscription.
/// </summary>
public sealed class StripeBillingClient
{
    private readonly IProviderApi _api;

    /// <summary>Creates the client over <paramref name="api"/>.</summary>
    public StripeBillingClient(IProviderApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
    }

    /// <summary>
    /// Creates a subscription (by default <c>payment_behavior=default_incomplete</c>, for the front end to confirm the
    /// first payment) with the latest invoice's payment expanded, and returns its client secret.
    /// </summary>
    /// <exception cref="ProviderApiException">
    /// Stripe refused: a declined card is <see cref="ProviderErrorCategory.Validation"/> with <see cref="ProviderApiException.DeclineCode"/>.
    /// </exception>
    public async Task<StripeSubscription> CreateSubscriptionAsync(ConnectionId connectionId, StripeSubscriptionRequest subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var form = new List<KeyValuePair<string, string>>
        {
            new("customer", subscription.Customer),
            new("items[0][price]", subscription.Price),
            new("items[0][quantity]", subscription.Quantity.ToString(CultureInfo.InvariantCulture)),
            new("payment_behavior", subscription.PaymentBehavior),
            new("payment_settings[save_default_payment_method]", "on_subscription"),
            new("expand[]", subscription.ExpandPaymentIntent ? "latest_invoice.payment_intent" : "latest_invoice.confirmation_secret"),
        };
        if (subscription.DefaultPaymentMethod is { } paymentMethod)
        {
            form.Add(new("default_payment_method", paymentMethod));
        }

        var request = new ProviderRequest(HttpMethod.Post, "v1/subscriptions") { Operation = "POST /v1/subscriptions", Content = new FormUrlEncodedContent(form) };
        using var answer = await _api.SendAsync(connectionId, request, cancellationToken).ConfigureAwait(false);
        var root = answer.RootElement;
        return new StripeSubscription(root.GetProperty("id").GetString()!, root.GetProperty("status").GetString()!, ClientSecret(root), CancelAtPeriodEnd(root));
    }

    /// <summary>Cancels a subscription at the end of the current period (<c>cancel_at_period_end=true</c>); it stays active until then.</summary>
    /// <exception cref="ProviderApiException">Stripe refused (<c>resource_missing</c> is <see cref="ProviderErrorCategory.NotFound"/>) or failed.</exception>
    public async Task<StripeSubscription> CancelSubscriptionAsync(ConnectionId connectionId, string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        var request = new ProviderRequest(HttpMethod.Post, "v1/subscriptions/" + Uri.EscapeDataString(subscriptionId))
        {
            Operation = "POST /v1/subscriptions/{id}",
            Content = new FormUrlEncodedContent([new("cancel_at_period_end", "true")]),
        };
        using var answer = await _api.SendAsync(connectionId, request, cancellationToken).ConfigureAwait(false);
        var root = answer.RootElement;
        return new StripeSubscription(root.GetProperty("id").GetString()!, root.GetProperty("status").GetString()!, null, CancelAtPeriodEnd(root));
    }

    // latest_invoice.confirmation_secret (API versions from 2025-03-31) or latest_invoice.payment_intent (older ones).
    private static string? ClientSecret(JsonElement subscription) =>
        subscription.TryGetProperty("latest_invoice", out var invoice) && invoice.ValueKind == JsonValueKind.Object
            ? Secret(invoice, "confirmation_secret") ?? Secret(invoice, "payment_intent")
            : null;

    private static string? Secret(JsonElement invoice, string field) =>
        invoice.TryGetProperty(field, out var holder) && holder.ValueKind == JsonValueKind.Object
        && holder.TryGetProperty("client_secret", out var secret) && secret.ValueKind == JsonValueKind.String
            ? secret.GetString()
            : null;

    private static bool CancelAtPeriodEnd(JsonElement subscription) =>
        subscription.TryGetProperty("cancel_at_period_end", out var value) && value.ValueKind == JsonValueKind.True;
}
