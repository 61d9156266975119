namespace Mooring.Providers;

/// <summary>Where an API key is placed in a request.</summary>
public enum ApiKeyLocation
{
    /// <summary>In a request header.</summary>
    Header,

    /// <summary>In a query string parameter.</summary>
    Query,
}
