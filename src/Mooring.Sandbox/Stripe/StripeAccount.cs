using Mooring.Sandbox.Data;

namespace Mooring.Sandbox.Stripe;

/// <summary>The emulated Stripe account.</summary>
internal sealed class StripeAccount(SandboxOptions options)
{
    public SandboxOptions Options => options;

    public IEnumerable<RecordStore> Stores() => [];
}
