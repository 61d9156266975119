using System.Globalization;
using System.Text.Json;

namespace Mooring.Providers.TokenResponses;

/// <summary>The default mapper: reads the pointers of <see cref="TokenResponseMapping"/>.</summary>
internal sealed class JsonTokenResponseMapper : ITokenResponseMapper
{
    public MappedTokenResponse Map(ProviderDefinition provider, int statusCode, JsonElement body)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var oauth = provider.OAuth2 ?? new OAuth2Settings();
        var mapping = oauth.TokenResponse;

        // An error field or a false success flag is an error whatever the status (Slack and GitHub answer errors with 200).
        var error = JsonPointer.String(body, mapping.Error);
        var succeeded = mapping.Success is null || JsonPointer.Boolean(body, mapping.Success) == true;
        if (error is not null || !succeeded || statusCode is < 200 or > 299)
        {
            return MappedTokenResponse.Failed(
                error ?? (succeeded ? $"http_{statusCode}" : "unknown_error"),
                JsonPointer.String(body, mapping.ErrorDescription));
        }

        var separator = mapping.ScopeSeparator ?? oauth.ScopeSeparator;
        var token = Read(body, separator, mapping.AccessToken, mapping.RefreshToken, mapping.ExpiresIn, mapping.Scope, mapping.TokenType);
        var user = mapping.UserToken is { } u
            ? Read(body, separator, u.AccessToken, u.RefreshToken, u.ExpiresIn, u.Scope, u.TokenType)
            : null;
        if (token is null && user is null)
        {
            return MappedTokenResponse.Failed("invalid_token_response", $"the response has no access token at {mapping.AccessToken}");
        }

        return new MappedTokenResponse { Token = token, UserToken = user, Metadata = Metadata(body, mapping.Metadata) };
    }

    private static Dictionary<string, string> Metadata(JsonElement body, IReadOnlyDictionary<string, string> pointers)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, pointer) in pointers)
        {
            if (JsonPointer.String(body, pointer) is { Length: > 0 } value)
            {
                values[key] = value;
            }
        }

        return values;
    }

    private static ProviderToken? Read(
        JsonElement body, string separator, string? accessToken, string? refreshToken, string? expiresIn, string? scope, string? tokenType)
    {
        if (JsonPointer.String(body, accessToken) is not { } access)
        {
            return null;
        }

        return new ProviderToken
        {
            AccessToken = access,
            RefreshToken = JsonPointer.String(body, refreshToken),
            ExpiresIn = double.TryParse(JsonPointer.String(body, expiresIn), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : null,
            Scopes = Scopes(body, scope, separator),
            TokenType = JsonPointer.String(body, tokenType),
        };
    }

    private static string[] Scopes(JsonElement body, string? pointer, string separator) =>
        JsonPointer.Find(body, pointer) switch
        {
            { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(s => s.GetString()).OfType<string>()],
            { ValueKind: JsonValueKind.String } text =>
                text.GetString()!.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => [],
        };
}
