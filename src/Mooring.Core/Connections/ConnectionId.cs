using System.Diagnostics.CodeAnalysis;

namespace Mooring.Connections;

/// <summary>
/// Identifies one connection: the link between one end user (or tenant) of the host app and one provider.
/// </summary>
/// <remarks>
/// 1 to 128 characters of letters, digits, '.', '_', ':' and '-', so that an id is safe in a URL path,
/// a log line and a file name without escaping.
/// </remarks>
public readonly record struct ConnectionId
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 128;

    private ConnectionId(string value) => Value = value;

    /// <summary>The id as text.</summary>
    public string Value { get; }

    /// <summary>Parses <paramref name="value"/>, throwing an <see cref="ArgumentException"/> that says what is wrong.</summary>
    public static ConnectionId Parse(string value)
    {
        if (!TryParse(value, out var id, out var error))
        {
            throw new ArgumentException(error, nameof(value));
        }

        return id;
    }

    /// <summary>Tries to parse <paramref name="value"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? value, out ConnectionId id, [NotNullWhen(false)] out string? error)
    {
        error = Identifiers.Validate("connection id", value, MaxLength, allowUpper: true);
        id = error is null ? new ConnectionId(value!) : default;
        return error is null;
    }

    /// <summary>Creates a new random id (a 128-bit value in base32), for callers that have none of their own.</summary>
    public static ConnectionId New() => new("conn_" + Identifiers.RandomToken(16));

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
