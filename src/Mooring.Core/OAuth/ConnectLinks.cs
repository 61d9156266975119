using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Security;

namespace Mooring.OAuth;

/// <summary>
/// Connect links carry their request encrypted and authenticated (AES-GCM under the active key, with its own context),
/// so they need no table and cannot be forged or altered; they expire after <see cref="ConnectionsOptions.ConnectLinkLifetime"/>.
/// </summary>
internal sealed class ConnectLinks(ISecretProtector protector, IOptions<ConnectionsOptions> options, TimeProvider time)
{
    public const string PathPrefix = "/connect/";
    private const string Context = "connect_link";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ConnectLink Create(ConnectRequest request, Uri baseUrl)
    {
        var expiresAt = time.GetUtcNow() + options.Value.ConnectLinkLifetime;
        var payload = new Payload(request.Provider.Value, request.ConnectionId?.Value, request.EndUserRef, request.TenantRef, request.Scopes, expiresAt.ToUnixTimeSeconds());
        var secret = protector.Protect(JsonSerializer.SerializeToUtf8Bytes(payload, Json), Context);
        var keyId = Encoding.UTF8.GetBytes(secret.KeyId);
        var token = Base64Url.EncodeToString([(byte)keyId.Length, .. keyId, .. secret.Ciphertext]);
        return new ConnectLink(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + PathPrefix + token), expiresAt);
    }

    /// <summary>The request of a link, or <see langword="null"/> with <paramref name="error"/> when it is altered, unknown or expired.</summary>
    public ConnectRequest? Read(string token, out string? error)
    {
        error = "This connect link is not valid. Ask the app for a new one.";
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length < 2 || bytes[0] + 1 >= bytes.Length)
        {
            return null;
        }

        Payload? payload;
        try
        {
            var secret = new ProtectedSecret(Encoding.UTF8.GetString(bytes, 1, bytes[0]), bytes[(bytes[0] + 1)..]);
            payload = JsonSerializer.Deserialize<Payload>(protector.Unprotect(secret, Context), Json);
        }
        catch (Exception ex) when (ex is SecretProtectionException or JsonException)
        {
            return null;
        }

        if (payload is null || time.GetUtcNow().ToUnixTimeSeconds() >= payload.ExpiresAt)
        {
            error = "This connect link has expired. Ask the app for a new one.";
            return null;
        }

        error = null;
        return new ConnectRequest
        {
            Provider = ProviderKey.Parse(payload.Provider),
            ConnectionId = payload.ConnectionId is null ? null : ConnectionId.Parse(payload.ConnectionId),
            EndUserRef = payload.EndUserRef,
            TenantRef = payload.TenantRef,
            Scopes = payload.Scopes ?? [],
        };
    }

    private sealed record Payload(string Provider, string? ConnectionId, string? EndUserRef, string? TenantRef, IReadOnlyList<string>? Scopes, long ExpiresAt);
}
