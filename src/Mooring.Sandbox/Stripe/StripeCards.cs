namespace Mooring.Sandbox.Stripe;

/// <summary>Stripe's documented test payment methods and tokens that decline, and how.</summary>
internal static class StripeCards
{
    public static string? DeclineCode(string? paymentMethod) => paymentMethod switch
    {
        "pm_card_chargeDeclined" or "pm_card_visa_chargeDeclined" or "tok_chargeDeclined" or "tok_visa_chargeDeclined" => "generic_decline",
        "pm_card_chargeDeclinedInsufficientFunds" or "pm_card_visa_chargeDeclinedInsufficientFunds" or "tok_chargeDeclinedInsufficientFunds" => "insufficient_funds",
        "pm_card_chargeDeclinedExpiredCard" or "tok_chargeDeclinedExpiredCard" => "expired_card",
        _ => null,
    };
}
