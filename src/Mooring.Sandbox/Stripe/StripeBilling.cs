using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Stripe;

/// <summary>Builds the invoice and payment intent that a subscription's first period produces.</summary>
internal static class StripeBilling
{
    public static JsonObject Price(StripeAccount account, string priceId) => new()
    {
        ["id"] = priceId,
        ["object"] = "price",
        ["active"] = true,
        ["currency"] = "usd",
        ["product"] = "prod_" + priceId[Math.Min(6, priceId.Length)..],
        ["recurring"] = new JsonObject { ["interval"] = "month", ["interval_count"] = 1, ["usage_type"] = "licensed" },
        ["type"] = "recurring",
        ["unit_amount"] = 500 + (long)(SplitMix.Hash(account.Options.Seed, "stripe:price:" + priceId, 0) % 20 * 250),
    };

    public static JsonObject PaymentIntent(StripeAccount account, string customer, long amount, string? paymentMethod, string status, string? declineCode)
    {
        var id = account.NewId("pi_");
        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = amount,
            ["amount_received"] = status == "succeeded" ? amount : 0,
            ["client_secret"] = id + "_secret_" + OAuth.TokenFormats.Random(24),
            ["created"] = account.Now,
            ["currency"] = "usd",
            ["customer"] = customer,
            ["last_payment_error"] = declineCode is null ? null : new JsonObject
            {
                ["type"] = "card_error",
                ["code"] = "card_declined",
                ["decline_code"] = declineCode,
                ["message"] = "Your card was declined.",
            },
            ["livemode"] = false,
            ["payment_method"] = declineCode is null ? paymentMethod : null,
            ["status"] = status,
        };
    }

    public static JsonObject Invoice(StripeAccount account, JsonObject subscription, long amount, string status, string? paymentIntent)
    {
        var now = account.Now;
        var paid = status == "paid";
        return new JsonObject
        {
            ["id"] = account.NewId("in_"),
            ["object"] = "invoice",
            ["amount_due"] = amount,
            ["amount_paid"] = paid ? amount : 0,
            ["amount_remaining"] = paid ? 0 : amount,
            ["billing_reason"] = "subscription_create",
            ["collection_method"] = "charge_automatically",
            ["confirmation_secret"] = null,
            ["created"] = now,
            ["currency"] = "usd",
            ["customer"] = subscription["customer"]!.DeepClone(),
            ["livemode"] = false,
            ["number"] = null,
            ["parent"] = new JsonObject
            {
                ["type"] = "subscription_details",
                ["subscription_details"] = new JsonObject { ["subscription"] = subscription["id"]!.DeepClone(), ["metadata"] = new JsonObject() },
            },
            ["payment_intent"] = paymentIntent,
            ["period_start"] = now,
            ["period_end"] = now,
            ["status"] = status,
            ["status_transitions"] = new JsonObject { ["finalized_at"] = now, ["paid_at"] = paid ? now : null },
            ["subscription"] = subscription["id"]!.DeepClone(),
            ["total"] = amount,
        };
    }
}
