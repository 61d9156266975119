using Mooring.Connections;
using Mooring.Providers.Loading;

namespace Mooring.Providers.Validation;

/// <summary>Checks one definition and reports every problem with the field's JSON path.</summary>
internal static class ProviderDefinitionValidator
{
    public static void Validate(ProviderDefinition definition, DefinitionErrors errors)
    {
        Rules.Required(errors, "displayName", definition.DisplayName);
        ValidateIcon(definition.Icon, errors);
        Rules.Url(errors, "docsUrl", definition.DocsUrl);
        Rules.Url(errors, "apiBaseUrl", definition.ApiBaseUrl);
        ValidateCredentialHosts(definition.CredentialHosts, errors);
        Rules.Headers(errors, "defaultRequestHeaders", definition.DefaultRequestHeaders);
        ValidateAuthModes(definition, errors);
        RateLimitValidator.Validate(definition.RateLimits, errors);
        PaginationValidator.Validate(definition.Pagination, errors);
        WebhookValidator.Validate(definition.Webhooks, errors);
        ValidateErrorShape(definition.Errors, errors);
        ValidateIdempotency(definition.Idempotency, errors);
    }

    private static void ValidateIcon(string? icon, DefinitionErrors errors)
    {
        if (icon is null || icon.StartsWith("data:image/", StringComparison.Ordinal))
        {
            return;
        }

        if (!Uri.TryCreate(icon, UriKind.Absolute, out var url) || !Rules.IsSecureUrl(url))
        {
            errors.Add("icon", "is neither an absolute https URL nor a data:image/… URI");
        }
    }

    private static void ValidateCredentialHosts(IReadOnlyList<string> hosts, DefinitionErrors errors)
    {
        for (var i = 0; i < hosts.Count; i++)
        {
            if (!ProviderHosts.TryParse(hosts[i], out _))
            {
                errors.Add($"credentialHosts[{i}]", $"is not a host name or host:port (no scheme or path): '{hosts[i]}'");
            }
        }
    }

    private static void ValidateAuthModes(ProviderDefinition definition, DefinitionErrors errors)
    {
        if (definition.AuthModes.Count == 0)
        {
            errors.Add("authModes", $"must list at least one of {string.Join(", ", Enum.GetNames<AuthMode>())}");
        }

        for (var i = 0; i < definition.AuthModes.Count; i++)
        {
            Rules.Defined(errors, $"authModes[{i}]", definition.AuthModes[i]);
        }

        if (definition.AuthModes.Distinct().Count() != definition.AuthModes.Count)
        {
            errors.Add("authModes", "lists a mode twice");
        }

        if (definition.AuthModes.Contains(AuthMode.OAuth2))
        {
            OAuth2Validator.Validate(definition.OAuth2, definition.IsTemplate, errors);
        }

        if (definition.AuthModes.Contains(AuthMode.OAuth2ClientCredentials))
        {
            OAuth2Validator.ValidateClientCredentials(definition, errors);
        }

        if (definition.AuthModes.Contains(AuthMode.ApiKey))
        {
            ValidateApiKey(definition.ApiKey, errors);
        }
    }

    private static void ValidateApiKey(ApiKeySettings? apiKey, DefinitionErrors errors)
    {
        if (apiKey is null)
        {
            errors.Add("apiKey", "is required when authModes includes ApiKey");
            return;
        }

        Rules.Defined(errors, "apiKey.location", apiKey.Location);
        if (apiKey.Location == ApiKeyLocation.Header)
        {
            Rules.HeaderName(errors, "apiKey.name", apiKey.Name, required: true);
        }
        else
        {
            Rules.Required(errors, "apiKey.name", apiKey.Name);
        }

        if (!apiKey.Format.Contains("{key}", StringComparison.Ordinal))
        {
            errors.Add("apiKey.format", "must contain {key}, where the key is written");
        }
    }

    private static void ValidateErrorShape(ErrorShape shape, DefinitionErrors errors)
    {
        Rules.Pointer(errors, "errors.success", shape.Success);
        Rules.Pointer(errors, "errors.code", shape.Code);
        Rules.Pointer(errors, "errors.message", shape.Message);
        Rules.Pointer(errors, "errors.type", shape.Type);
        Rules.Pointer(errors, "errors.reason", shape.Reason);
        Rules.Pointer(errors, "errors.status", shape.Status);
        Rules.Pointer(errors, "errors.declineCode", shape.DeclineCode);
        Rules.Pointer(errors, "errors.param", shape.Param);
        Rules.Pointer(errors, "errors.neededScope", shape.NeededScope);
        Rules.Pointer(errors, "errors.documentationUrl", shape.DocumentationUrl);
    }

    private static void ValidateIdempotency(IdempotencySettings? idempotency, DefinitionErrors errors)
    {
        if (idempotency is null)
        {
            return;
        }

        Rules.HeaderName(errors, "idempotency.header", idempotency.Header, required: true);
        if (idempotency.Methods.Count == 0)
        {
            errors.Add("idempotency.methods", "must list at least one HTTP method");
        }

        Rules.Positive(errors, "idempotency.maxKeyLength", idempotency.MaxKeyLength);
        Rules.Positive(errors, "idempotency.retentionSeconds", idempotency.Retention);
    }
}
