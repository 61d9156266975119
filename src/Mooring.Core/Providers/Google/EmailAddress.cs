namespace Mooring.Providers.Google;

/// <summary>A mailbox: an address with an optional display name.</summary>
/// <param name="Address">The address, such as <c>ada@example.com</c>.</param>
/// <param name="DisplayName">The name shown, such as <c>Ada Lovelace</c>; any Unicode text.</param>
public sealed record EmailAddress(string Address, string? DisplayName = null);
