namespace Mooring.Sandbox.Webhooks;

/// <summary>Turns a batch into the order it is delivered in: seeded duplicates, then a seeded shuffle.</summary>
internal static class DeliveryPlan
{
    public static List<(WebhookMessage Message, bool Duplicate)> Build(IEnumerable<WebhookMessage> messages, WebhookDeliveryOptions options)
    {
        var plan = new List<(WebhookMessage, bool)>();
        var n = 0L;
        foreach (var message in messages)
        {
            plan.Add((message, false));
            if (Draw(options.Seed, "dup", n++) < options.DuplicateRate)
            {
                plan.Add((message, true));
            }
        }

        if (options.OutOfOrder)
        {
            // Fisher-Yates driven by the seed, so the same seed reorders the same way.
            for (var i = plan.Count - 1; i > 0; i--)
            {
                var j = (int)(SplitMix.Hash(options.Seed, "order", i) % (ulong)(i + 1));
                (plan[i], plan[j]) = (plan[j], plan[i]);
            }
        }

        return plan;
    }

    private static double Draw(int seed, string salt, long n) => (SplitMix.Hash(seed, salt, n) >> 11) * (1.0 / (1UL << 53));
}
