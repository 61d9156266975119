namespace Mooring.Providers.Stripe;

/// <summary>What <see cref="StripeBillingClient.CreateSubscriptionAsync"/> creates: one price for one customer.</summary>
/// <param name="Customer">The customer's id, <c>cus_…</c>.</param>
/// <param name="Price">The price's id, <c>price_…</c>.</param>
public sealed record StripeSubscriptionRequest(string Customer, string Price)
{
    /// <summary>How many of the price.</summary>
    public int Quantity { get; init; } = 1;

    /// <summary>
    /// Stripe's <c>payment_behavior</c>: <c>default_incomplete</c> (the default: the front end confirms the first payment
    /// with the client secret), <c>allow_incomplete</c> or <c>error_if_incomplete</c> (a declined card fails the call).
    /// </summary>
    public string PaymentBehavior { get; init; } = "default_incomplete";

    /// <summary>The payment method to charge, <c>pm_…</c>; the customer's default when unset.</summary>
    public string? DefaultPaymentMethod { get; init; }

    /// <summary>
    /// Whether to expand <c>latest_invoice.payment_intent</c>, for accounts pinned to an API version before 2025-03-31;
    /// by default <c>latest_invoice.confirmation_secret</c> is expanded, as current versions require.
    /// </summary>
    public bool ExpandPaymentIntent { get; init; }
}
