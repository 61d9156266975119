using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Stripe;

/// <summary>A new subscription object (API version 2025+ shape, with the pre-2025 period fields kept at the top level too).</summary>
internal static class StripeSubscriptionJson
{
    private const long Period = 30 * 24 * 3600;

    public static JsonObject Build(StripeAccount account, string customerId, JsonObject price, long quantity, string status, JsonObject args, long? trialDays)
    {
        var now = account.Now;
        var id = account.NewId("sub_");
        var end = now + (trialDays is { } d ? d * 86400 : Period);
        var item = new JsonObject
        {
            ["id"] = account.NewId("si_"),
            ["object"] = "subscription_item",
            ["created"] = now,
            ["current_period_start"] = now,
            ["current_period_end"] = end,
            ["metadata"] = new JsonObject(),
            ["price"] = price,
            ["quantity"] = quantity,
            ["subscription"] = id,
        };
        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "subscription",
            ["billing_cycle_anchor"] = end,
            ["cancel_at"] = null,
            ["cancel_at_period_end"] = args["cancel_at_period_end"]?.GetValue<string>() == "true",
            ["canceled_at"] = null,
            ["collection_method"] = "charge_automatically",
            ["created"] = now,
            ["currency"] = "usd",
            ["current_period_start"] = now,
            ["current_period_end"] = end,
            ["customer"] = customerId,
            ["default_payment_method"] = args["default_payment_method"]?.DeepClone(),
            ["ended_at"] = null,
            ["items"] = new JsonObject { ["object"] = "list", ["data"] = new JsonArray(item), ["has_more"] = false, ["url"] = "/v1/subscription_items?subscription=" + id },
            ["latest_invoice"] = null,
            ["livemode"] = false,
            ["metadata"] = args["metadata"]?.DeepClone() ?? new JsonObject(),
            ["payment_settings"] = new JsonObject { ["save_default_payment_method"] = args["payment_settings"]?["save_default_payment_method"]?.DeepClone() ?? "off" },
            ["start_date"] = now,
            ["status"] = status,
            ["trial_end"] = trialDays is null ? null : end,
            ["trial_start"] = trialDays is null ? null : now,
        };
    }
}
