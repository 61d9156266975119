using Mooring.Sandbox.Data;

namespace Mooring.Sandbox.Google;

/// <summary>The emulated Google account.</summary>
internal sealed class GoogleAccount(SandboxOptions options)
{
    public SandboxOptions Options => options;

    public IEnumerable<RecordStore> Stores() => [];
}
