namespace Mooring.AspNetCore;

/// <summary>Mooring's top-level settings (configuration section <c>Mooring</c>).</summary>
public sealed class MooringOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mooring";

    /// <summary>Production or sandbox.</summary>
    /// <value>The default value is <see cref="MooringMode.Production"/>.</value>
    public MooringMode Mode { get; set; } = MooringMode.Production;

    /// <summary>Where Mooring keeps its files: the SQLite database and, in sandbox mode, its generated keys.</summary>
    /// <value>The default value is <c>mooring</c> under the user's local application data folder (<c>~/.local/share/mooring</c> on Linux).</value>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>The store: <c>sqlite</c> or <c>postgres</c>.</summary>
    /// <value>The default value is <c>sqlite</c>.</value>
    public string StorageProvider { get; set; } = "sqlite";

    /// <summary>
    /// The keys that unlock the management API under <c>/api</c> (sent as <c>Authorization: Bearer …</c> or <c>X-Mooring-Api-Key</c>),
    /// at least 32 characters each. Several may be configured at once, for rotation.
    /// </summary>
    /// <value>The default value is empty: required in production; generated in sandbox mode.</value>
    public List<string> ManagementApiKeys { get; set; } = [];

    internal static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "mooring");
}
