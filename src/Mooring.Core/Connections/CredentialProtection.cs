using System.Text.Json;
using Mooring.Security;
using Mooring.Storage;

namespace Mooring.Connections;

/// <summary>Turns <see cref="ConnectionCredentials"/> into the ciphertext the store keeps, and back.</summary>
internal static class CredentialProtection
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ProtectedSecret? Protect(ISecretProtector protector, ConnectionId id, ConnectionCredentials? credentials)
    {
        if (credentials is null || credentials.IsEmpty)
        {
            return null;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(credentials, Json);
        try
        {
            return protector.Protect(bytes, SecretKinds.Context(SecretKinds.Connection, id.Value));
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    public static ConnectionCredentials? Unprotect(ISecretProtector protector, ConnectionId id, ProtectedSecret? secret)
    {
        if (secret is null)
        {
            return null;
        }

        var bytes = protector.Unprotect(secret, SecretKinds.Context(SecretKinds.Connection, id.Value));
        try
        {
            return JsonSerializer.Deserialize<ConnectionCredentials>(bytes, Json);
        }
        finally
        {
            Array.Clear(bytes);
        }
    }
}
