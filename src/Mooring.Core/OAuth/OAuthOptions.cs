namespace Mooring.OAuth;

/// <summary>The OAuth clients Mooring uses, one per provider (configuration section <c>Mooring:OAuth</c>).</summary>
public sealed class OAuthOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mooring:OAuth";

    /// <summary>The client of each provider, by provider key, such as <c>Mooring:OAuth:Clients:slack:ClientId</c>.</summary>
    /// <value>The default value is empty: no provider can be connected with OAuth until its client is configured.</value>
    public Dictionary<string, OAuthClientSettings> Clients { get; set; } = new(StringComparer.Ordinal);
}
