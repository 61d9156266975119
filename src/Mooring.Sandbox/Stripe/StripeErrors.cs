using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Stripe;

/// <summary>Stripe's error object: <c>{"error":{"type","code","decline_code","message","param","doc_url"}}</c>.</summary>
internal static class StripeErrors
{
    public static StripeResponse Error(int status, string type, string message, string? code = null, string? param = null, string? declineCode = null)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (code is not null)
        {
            error["code"] = code;
            error["doc_url"] = "https://stripe.com/docs/error-codes/" + code.Replace('_', '-');
        }

        if (declineCode is not null)
        {
            error["decline_code"] = declineCode;
        }

        if (param is not null)
        {
            error["param"] = param;
        }

        return new StripeResponse(status, new JsonObject { ["error"] = error });
    }

    public static StripeResponse Missing(string kind, string id, string param = "id") =>
        Error(404, "invalid_request_error", $"No such {kind}: '{id}'", "resource_missing", param);

    public static StripeResponse MissingParam(string param) =>
        Error(400, "invalid_request_error", $"Missing required param: {param}.", "parameter_missing", param);

    public static StripeResponse CardDeclined(string declineCode) => Error(
        402,
        "card_error",
        declineCode == "insufficient_funds" ? "Your card has insufficient funds." : "Your card was declined.",
        "card_declined",
        null,
        declineCode);

    public static StripeResponse RateLimited() => Error(
        429,
        "invalid_request_error",
        "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
        "rate_limit");
}
