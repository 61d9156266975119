namespace Mooring.Providers;

/// <summary>
/// Where provider definitions come from besides the built-in ones (configuration section <c>Mooring:ProviderCatalog</c>).
/// The definitions themselves are configured under <c>Mooring:Providers:{key}</c>.
/// </summary>
public sealed class ProviderCatalogOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mooring:ProviderCatalog";

    /// <summary>The configuration section whose children override or add provider definitions, one per key.</summary>
    public const string ProvidersSectionName = "Mooring:Providers";

    /// <summary>
    /// Directories whose <c>*.json</c> files each define or override one provider (key from the file's <c>key</c>,
    /// else its name). They apply after the built-in definitions and before configuration.
    /// </summary>
    /// <value>The default value is empty.</value>
    public List<string> DefinitionDirectories { get; set; } = [];

    /// <summary>How long fetching a provider's discovery document may take.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan DiscoveryTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
