namespace Mooring.OAuth;

/// <summary>A short-lived link that starts the connect flow in an end user's browser.</summary>
/// <param name="Url">The link; opening it sends the browser to the provider.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record ConnectLink(Uri Url, DateTimeOffset ExpiresAt);
