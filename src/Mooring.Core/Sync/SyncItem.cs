using System.Text.Json;

namespace Mooring.Sync;

/// <summary>A remote record mapped for the store: its id and canonical JSON, or a deletion.</summary>
public sealed class SyncItem
{
    private SyncItem(string id, string data, string hash, DateTimeOffset? modifiedAt, bool deleted)
    {
        Id = id;
        Data = data;
        Hash = hash;
        ModifiedAt = modifiedAt;
        Deleted = deleted;
    }

    /// <summary>The provider's id.</summary>
    public string Id { get; }

    /// <summary>The record as canonical JSON: object keys sorted, no insignificant whitespace. Empty for a deletion.</summary>
    public string Data { get; }

    /// <summary>SHA-256 of <see cref="Data"/> (base64), which decides whether a stored record changed. Empty for a deletion.</summary>
    public string Hash { get; }

    /// <summary>When the provider says the record last changed.</summary>
    public DateTimeOffset? ModifiedAt { get; }

    /// <summary>Whether this is a deletion.</summary>
    public bool Deleted { get; }

    /// <summary>A created or updated record.</summary>
    public static SyncItem Record(string id, JsonElement data, DateTimeOffset? modifiedAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var (canonical, hash) = CanonicalJson.Write(data);
        return new SyncItem(id, canonical, hash, modifiedAt, false);
    }

    /// <summary>A record deleted at the provider.</summary>
    public static SyncItem Deletion(string id, DateTimeOffset? modifiedAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new SyncItem(id, string.Empty, string.Empty, modifiedAt, true);
    }
}
