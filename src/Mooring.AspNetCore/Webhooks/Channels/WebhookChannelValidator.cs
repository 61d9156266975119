using Mooring.Connections;
using Mooring.Providers;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks.Channels;

/// <summary>Checks a provider's configured channels (<c>Mooring:Webhooks:Providers:{key}:Channels</c>); never prints a token.</summary>
internal static class WebhookChannelValidator
{
    public static void Validate(List<string> errors, string prefix, WebhookSignatureScheme scheme, WebhookProviderOptions provider)
    {
        if (provider.Channels.Count > 0 && !WebhookChannelRules.UsesChannels(scheme))
        {
            errors.Add($"{prefix}:Channels: only providers whose webhook scheme is GoogleChannelToken have channels; this one's is {scheme}.");
            return;
        }

        foreach (var (id, channel) in provider.Channels)
        {
            var at = $"{prefix}:Channels:{id}";
            if (WebhookChannelRules.IdProblem(id) is { } idProblem)
            {
                errors.Add($"{at}: the channel id {idProblem}.");
            }

            if (channel.Token is null && provider.Secrets.Count == 0)
            {
                errors.Add($"{at}:Token is required, since {prefix}:Secrets holds no shared token.");
            }
            else if (channel.Token is not null && WebhookChannelRules.TokenProblem(channel.Token) is { } tokenProblem)
            {
                errors.Add($"{at}:Token {tokenProblem}.");
            }

            if (!ConnectionId.TryParse(channel.ConnectionId, out _, out var connectionProblem))
            {
                errors.Add($"{at}:ConnectionId is required: {connectionProblem}");
            }

            if (channel.Expiration is null)
            {
                errors.Add($"{at}:Expiration is required: the channel's expiration (ISO 8601), as requested in the watch request.");
            }
        }
    }
}
