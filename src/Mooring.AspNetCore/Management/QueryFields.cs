using System.Diagnostics.CodeAnalysis;
using Mooring.Connections;

namespace Mooring.AspNetCore.Management;

/// <summary>The optional fields that the management API's listings share, read from text or refused with a problem naming the field.</summary>
internal static class QueryFields
{
    /// <summary>The default page size of a listing.</summary>
    public const int DefaultLimit = 100;

    /// <summary>A provider key, or <see langword="null"/> when <paramref name="text"/> is.</summary>
    public static bool TryProvider(string? text, out ProviderKey? provider, [NotNullWhen(false)] out string? problem)
    {
        provider = null;
        problem = null;
        if (text is null)
        {
            return true;
        }

        if (!ProviderKey.TryParse(text, out var key, out problem))
        {
            problem = "provider: " + problem;
            return false;
        }

        provider = key;
        return true;
    }

    /// <summary>A connection id, or <see langword="null"/> when <paramref name="text"/> is.</summary>
    public static bool TryConnection(string? text, out ConnectionId? connection, [NotNullWhen(false)] out string? problem)
    {
        connection = null;
        problem = null;
        if (text is null)
        {
            return true;
        }

        if (!ConnectionId.TryParse(text, out var id, out problem))
        {
            problem = "connection: " + problem;
            return false;
        }

        connection = id;
        return true;
    }

    /// <summary>A page size of 1 to 1000, <see cref="DefaultLimit"/> when <paramref name="limit"/> is <see langword="null"/>.</summary>
    public static bool TryLimit(int? limit, out int value, [NotNullWhen(false)] out string? problem)
    {
        value = limit ?? DefaultLimit;
        problem = value is < 1 or > 1000 ? $"limit: {limit} is out of range; use 1 to 1000." : null;
        return problem is null;
    }
}
