namespace Mooring.Providers.Stripe;

/// <summary>A Stripe subscription as created or changed.</summary>
/// <param name="Id">The subscription's id, <c>sub_…</c>.</param>
/// <param name="Status">Stripe's status: <c>incomplete</c>, <c>active</c>, <c>trialing</c>, …</param>
/// <param name="ClientSecret">The client secret of the first payment, for the front end to confirm; only on creation.</param>
/// <param name="CancelAtPeriodEnd">Whether it ends at the end of the current period.</param>
public sealed record StripeSubscription(string Id, string Status, string? ClientSecret, bool CancelAtPeriodEnd)
{
    /// <summary>Redacts the client secret.</summary>
    public override string ToString() => $"StripeSubscription {{ Id = {Id}, Status = {Status}, CancelAtPeriodEnd = {CancelAtPeriodEnd} }}";
}
