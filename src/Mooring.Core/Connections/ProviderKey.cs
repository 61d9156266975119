using System.Diagnostics.CodeAnalysis;

namespace Mooring.Connections;

/// <summary>
/// The key of a provider in the catalog, such as <c>slack</c>, <c>stripe</c> or <c>google-calendar</c>.
/// </summary>
/// <remarks>1 to 64 characters: lower-case letters, digits, '.', '_', ':' and '-'.</remarks>
public readonly record struct ProviderKey
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 64;

    private ProviderKey(string value) => Value = value;

    /// <summary>The key as text.</summary>
    public string Value { get; }

    /// <summary>Parses <paramref name="value"/>, throwing an <see cref="ArgumentException"/> that says what is wrong.</summary>
    public static ProviderKey Parse(string value)
    {
        if (!TryParse(value, out var key, out var error))
        {
            throw new ArgumentException(error, nameof(value));
        }

        return key;
    }

    /// <summary>Tries to parse <paramref name="value"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? value, out ProviderKey key, [NotNullWhen(false)] out string? error)
    {
        error = Identifiers.Validate("provider key", value, MaxLength, allowUpper: false);
        key = error is null ? new ProviderKey(value!) : default;
        return error is null;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
