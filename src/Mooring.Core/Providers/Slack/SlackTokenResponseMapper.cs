using System.Text.Json;
using Mooring.Providers.TokenResponses;

namespace Mooring.Providers.Slack;

/// <summary>
/// Slack's quirk: an install that asks only for user scopes has no top-level (bot) <c>access_token</c>, only
/// <c>authed_user.access_token</c>; the connection then uses the user token.
/// See https://docs.slack.dev/reference/methods/oauth.v2.access.
/// </summary>
internal sealed class SlackTokenResponseMapper(JsonTokenResponseMapper inner) : ITokenResponseMapper
{
    public const string ProviderKey = "slack";

    public MappedTokenResponse Map(ProviderDefinition provider, int statusCode, JsonElement body)
    {
        var mapped = inner.Map(provider, statusCode, body);
        return mapped is { Error: null, Token: null, UserToken: { } user } ? mapped with { Token = user } : mapped;
    }
}
