using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Stripe;

/// <summary>What a Stripe handler answers: a status and a body; the dispatcher adds Request-Id and idempotency.</summary>
internal sealed record StripeResponse(int Status, JsonNode Body)
{
    public static StripeResponse Ok(JsonNode body) => new(200, body);

    public static implicit operator StripeResponse(JsonObject body) => Ok(body);
}
