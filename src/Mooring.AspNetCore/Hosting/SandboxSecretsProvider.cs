using Mooring.Security;

namespace Mooring.AspNetCore.Hosting;

/// <summary>Fills in missing keys from <see cref="SandboxSecrets"/>, in sandbox mode only.</summary>
internal sealed class SandboxSecretsProvider
{
    private readonly Lock _lock = new();
    private SandboxSecrets? _secrets;

    /// <summary>The secrets, once a sandbox-mode configuration has asked for them.</summary>
    public SandboxSecrets? Secrets => _secrets;

    public void Apply(MooringOptions mooring)
    {
        if (mooring.Mode == MooringMode.Sandbox && mooring.ManagementApiKeys.Count == 0)
        {
            mooring.ManagementApiKeys.Add(Load(mooring).ManagementApiKey);
        }
    }

    public void Apply(EncryptionOptions encryption, MooringOptions mooring)
    {
        if (mooring.Mode == MooringMode.Sandbox && encryption.Keys.Count == 0)
        {
            var secrets = Load(mooring);
            encryption.Keys[secrets.EncryptionKeyId] = secrets.EncryptionKey;
            encryption.ActiveKeyId ??= secrets.EncryptionKeyId;
        }
    }

    private SandboxSecrets Load(MooringOptions mooring)
    {
        lock (_lock)
        {
            return _secrets ??= SandboxSecrets.LoadOrCreate(mooring.DataDirectory);
        }
    }
}
