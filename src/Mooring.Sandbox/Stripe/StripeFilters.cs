using System.Globalization;
using System.Text.Json.Nodes;

namespace Mooring.Sandbox.Stripe;

/// <summary>Stripe's range filter on <c>created</c>: <c>created=1700000000</c> or <c>created[gt|gte|lt|lte]=…</c>.</summary>
internal static class StripeFilters
{
    public static Func<long, bool> Created(JsonObject args)
    {
        switch (args["created"])
        {
            case JsonValue exact when long.TryParse(exact.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var at):
                return t => t == at;
            case JsonObject range:
                long? Bound(string op) => range[op]?.GetValue<string>() is { } v && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;
                var (gt, gte, lt, lte) = (Bound("gt"), Bound("gte"), Bound("lt"), Bound("lte"));
                return t => (gt is null || t > gt) && (gte is null || t >= gte) && (lt is null || t < lt) && (lte is null || t <= lte);
            default:
                return _ => true;
        }
    }
}
