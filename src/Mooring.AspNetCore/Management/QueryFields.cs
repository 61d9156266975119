using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Mooring.Connections;

namespace Mooring.AspNetCore.Management;

/// <summary>The optional fields that the management API's listings share, read from text or refused with a problem naming the field.</summary>
internal static class QueryFields
{
    /// <summary>The default page size of a listing.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Reads <paramref name="text"/>, or says in <paramref name="error"/> why it cannot (without the field's name).</summary>
    public delegate bool Parser<T>(string text, out T value, [NotNullWhen(false)] out string? error);

    /// <summary>A provider key, or <see langword="null"/> when <paramref name="text"/> is.</summary>
    public static bool TryProvider(string? text, out ProviderKey? provider, [NotNullWhen(false)] out string? problem) =>
        TryOptional<ProviderKey>("provider", text, ProviderKey.TryParse, out provider, out problem);

    /// <summary>A connection id, or <see langword="null"/> when <paramref name="text"/> is.</summary>
    public static bool TryConnection(string? text, out ConnectionId? connection, [NotNullWhen(false)] out string? problem) =>
        TryOptional<ConnectionId>("connection", text, ConnectionId.TryParse, out connection, out problem);

    /// <summary>
    /// A whole number from the query, or <see langword="null"/> when <paramref name="text"/> is. Endpoints take their
    /// numbers and flags as text and read them here: ASP.NET Core would answer a value it cannot bind with a bare 400
    /// that names nothing.
    /// </summary>
    public static bool TryInt(string field, string? text, out int? value, [NotNullWhen(false)] out string? problem) =>
        TryOptional<int>(field, text, ParseInt, out value, out problem);

    /// <summary>A whole number (an id) from the query, or <see langword="null"/> when <paramref name="text"/> is.</summary>
    public static bool TryLong(string field, string? text, out long? value, [NotNullWhen(false)] out string? problem) =>
        TryOptional<long>(field, text, ParseLong, out value, out problem);

    /// <summary><c>true</c> or <c>false</c> from the query, or <see langword="null"/> when <paramref name="text"/> is.</summary>
    public static bool TryFlag(string field, string? text, out bool? value, [NotNullWhen(false)] out string? problem) =>
        TryOptional<bool>(field, text, ParseFlag, out value, out problem);

    /// <summary>A page size of 1 to 1000, <see cref="DefaultLimit"/> when <paramref name="limit"/> is <see langword="null"/>.</summary>
    public static bool TryLimit(int? limit, out int value, [NotNullWhen(false)] out string? problem)
    {
        value = limit ?? DefaultLimit;
        problem = value is < 1 or > 1000 ? $"limit: {limit} is out of range; use 1 to 1000." : null;
        return problem is null;
    }

    /// <summary>The value of <paramref name="field"/> read by <paramref name="parse"/>, or <see langword="null"/> when <paramref name="text"/> is; a problem starts with the field's name.</summary>
    public static bool TryOptional<T>(string field, string? text, Parser<T> parse, out T? value, [NotNullWhen(false)] out string? problem)
        where T : struct
    {
        value = null;
        problem = null;
        if (text is null)
        {
            return true;
        }

        if (!parse(text, out var parsed, out var error))
        {
            problem = $"{field}: {error}";
            return false;
        }

        value = parsed;
        return true;
    }

    private static bool ParseInt(string text, out int value, [NotNullWhen(false)] out string? error) =>
        Whole(int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value), text, out error);

    private static bool ParseLong(string text, out long value, [NotNullWhen(false)] out string? error) =>
        Whole(long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value), text, out error);

    private static bool ParseFlag(string text, out bool value, [NotNullWhen(false)] out string? error)
    {
        error = bool.TryParse(text, out value) ? null : $"'{text}' is not true or false.";
        return error is null;
    }

    private static bool Whole(bool parsed, string text, [NotNullWhen(false)] out string? error)
    {
        error = parsed ? null : $"'{text}' is not a whole number.";
        return parsed;
    }
}
