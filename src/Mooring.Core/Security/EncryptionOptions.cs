namespace Mooring.Security;

/// <summary>
/// The keys that encrypt secrets at rest (configuration section <c>Mooring:Encryption</c>).
/// </summary>
/// <remarks>
/// Several keys may be configured at once: the active one encrypts, all of them decrypt. To rotate,
/// add a new key, make it active, run <c>mooring keys rotate</c>, and remove the old key once that
/// reports nothing left under it.
/// </remarks>
public sealed class EncryptionOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mooring:Encryption";

    /// <summary>The id of the key that encrypts new secrets; must be one of <see cref="Keys"/>.</summary>
    /// <value>The default value is <see langword="null"/>, which is valid only when exactly one key is configured.</value>
    public string? ActiveKeyId { get; set; }

    /// <summary>Key id to key: 32 random bytes in base64 (generate one with <c>mooring keys generate</c>).</summary>
    /// <value>The default value is empty: outside the sandbox, start-up fails until a key is configured.</value>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);
}
