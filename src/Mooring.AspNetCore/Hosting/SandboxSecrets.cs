using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mooring.AspNetCore.Hosting;

/// <summary>
/// In sandbox mode only: the encryption key and management API key Mooring generates when none is configured,
/// kept in <c>sandbox-secrets.json</c> in the data directory (mode 0600) so that they survive restarts.
/// </summary>
internal sealed class SandboxSecrets
{
    public const string FileName = "sandbox-secrets.json";

    [JsonPropertyName("encryptionKeyId")]
    public string EncryptionKeyId { get; set; } = "sandbox";

    [JsonPropertyName("encryptionKey")]
    public string EncryptionKey { get; set; } = string.Empty;

    [JsonPropertyName("managementApiKey")]
    public string ManagementApiKey { get; set; } = string.Empty;

    [JsonIgnore]
    public bool Created { get; private set; }

    [JsonIgnore]
    public string Path { get; private set; } = string.Empty;

    public static SandboxSecrets LoadOrCreate(string dataDirectory)
    {
        try
        {
            return LoadOrCreateCore(dataDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new Storage.StoreException(
                $"Cannot keep the sandbox keys in the data directory {dataDirectory}: {ex.Message} Set Mooring:DataDirectory to a writable folder.", ex);
        }
    }

    private static SandboxSecrets LoadOrCreateCore(string dataDirectory)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetFullPath(dataDirectory), FileName);
        if (File.Exists(path))
        {
            var existing = JsonSerializer.Deserialize<SandboxSecrets>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} is empty; delete it to generate new sandbox keys (data encrypted with the old key will be unreadable).");
            existing.Path = path;
            return existing;
        }

        var secrets = new SandboxSecrets
        {
            EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ManagementApiKey = "mk_sandbox_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            Created = true,
            Path = path,
        };
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            JsonSerializer.Serialize(stream, secrets);
        }

        return secrets;
    }
}
