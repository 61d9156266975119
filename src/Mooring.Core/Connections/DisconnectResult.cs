namespace Mooring.Connections;

/// <summary>What a disconnect did. The local delete happens even when revocation at the provider fails.</summary>
/// <param name="Deleted">Whether the connection existed and was deleted.</param>
/// <param name="Revoked">Whether the provider confirmed the revocation.</param>
/// <param name="RevocationError">Why revocation failed or was skipped (an error code or reason), or <see langword="null"/>.</param>
public sealed record DisconnectResult(bool Deleted, bool Revoked, string? RevocationError);
