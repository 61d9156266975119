using Mooring.Connections;

namespace Mooring.AspNetCore.Management;

/// <summary>A connection as the management API shows it: never its credentials.</summary>
internal sealed record ConnectionDto(
    string Id,
    string Provider,
    string? EndUserRef,
    string? TenantRef,
    string AuthMode,
    string Status,
    string? StatusMessage,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ConnectionDto From(Connection c) => new(
        c.Id.Value, c.Provider.Value, c.EndUserRef, c.TenantRef, Snake(c.AuthMode.ToString()), Snake(c.Status.ToString()),
        c.StatusMessage, c.Scopes, c.ExpiresAt, c.Metadata, c.CreatedAt, c.UpdatedAt);

    private static string Snake(string name) =>
        string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) && !char.IsUpper(name[i - 1]) ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
