namespace Mooring.Providers;

/// <summary>Where a static API key goes in each request.</summary>
public sealed record ApiKeySettings
{
    /// <summary>Whether the key goes in a header or the query.</summary>
    /// <value>The default value is <see cref="ApiKeyLocation.Header"/>.</value>
    public ApiKeyLocation Location { get; init; } = ApiKeyLocation.Header;

    /// <summary>The header or query parameter name.</summary>
    /// <value>The default value is <c>Authorization</c>.</value>
    public string Name { get; init; } = "Authorization";

    /// <summary>The value written, in which <c>{key}</c> stands for the key, such as <c>Bearer {key}</c>.</summary>
    /// <value>The default value is <c>{key}</c>.</value>
    public string Format { get; init; } = "{key}";
}
