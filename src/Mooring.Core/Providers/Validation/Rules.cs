using Mooring.Providers.Loading;

namespace Mooring.Providers.Validation;

/// <summary>The checks shared by the section validators; each reports the field by its JSON path.</summary>
internal static class Rules
{
    public static void Required(DefinitionErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required");
        }
    }

    /// <summary>An absolute https URL; http only to a loopback host, so that the sandbox works.</summary>
    public static void Url(DefinitionErrors errors, string field, Uri? value, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return;
        }

        if (!IsSecureUrl(value))
        {
            errors.Add(field, "is not an absolute https URL (http is allowed only for loopback hosts)");
        }
    }

    public static bool IsSecureUrl(Uri value) =>
        value.IsAbsoluteUri && ProviderHosts.IsSecureScheme(value) && !string.IsNullOrEmpty(value.Host);

    /// <summary>A JSON pointer (RFC 6901): empty for the whole document, else '/' then segments with only ~0 and ~1 escapes.</summary>
    public static void Pointer(DefinitionErrors errors, string field, string? value, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return;
        }

        if (!IsPointer(value))
        {
            errors.Add(field, $"is not a JSON pointer ('{value}' must start with '/', and '~' may only be followed by 0 or 1)");
        }
    }

    /// <summary>A JSON pointer into the body, or <c>header:Name</c>.</summary>
    public static void Location(DefinitionErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.StartsWith(ProviderCatalogConstants.HeaderLocationPrefix, StringComparison.OrdinalIgnoreCase))
        {
            HeaderName(errors, field, value[ProviderCatalogConstants.HeaderLocationPrefix.Length..]);
        }
        else if (!IsPointer(value))
        {
            errors.Add(field, $"is neither a JSON pointer ('/…') nor a header ('header:Name'): '{value}'");
        }
    }

    public static void HeaderName(DefinitionErrors errors, string field, string? value, bool required = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return;
        }

        if (!IsToken(value))
        {
            errors.Add(field, $"is not a valid HTTP header name: '{value}'");
        }
    }

    public static void Headers(DefinitionErrors errors, string field, IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
        {
            HeaderName(errors, $"{field}.{name}", name);
            if (value is null || value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
            {
                errors.Add($"{field}.{name}", "must be a single-line value");
            }
        }
    }

    public static void Defined<TEnum>(DefinitionErrors errors, string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(field, $"is '{value}', which is not one of {string.Join(", ", Enum.GetNames<TEnum>())}");
        }
    }

    public static void Positive(DefinitionErrors errors, string field, int? value)
    {
        if (value is <= 0)
        {
            errors.Add(field, "must be greater than 0");
        }
    }

    public static void Positive(DefinitionErrors errors, string field, TimeSpan? value)
    {
        if (value is { } span && span <= TimeSpan.Zero)
        {
            errors.Add(field, "must be greater than 0 seconds");
        }
    }

    private static bool IsPointer(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (value[0] != '/')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '~' && (i + 1 >= value.Length || (value[i + 1] != '0' && value[i + 1] != '1')))
            {
                return false;
            }
        }

        return true;
    }

    // RFC 9110 section 5.6.2: token = 1*tchar.
    private static bool IsToken(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
}
