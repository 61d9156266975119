using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.Providers;
using Mooring.Storage;
using Mooring.Webhooks;
using Mooring.Webhooks.Verifiers;

namespace Mooring.AspNetCore.Webhooks.Channels;

/// <summary>Registers, lists and removes the stored push notification channels; see <see cref="IWebhookChannelRegistry"/>.</summary>
internal sealed class WebhookChannelRegistry(
    IWebhookChannelStore store, WebhookChannels channels, IConnectionStore connections, IProviderCatalog catalog, IOptions<WebhookOptions> options, TimeProvider time)
    : IWebhookChannelRegistry
{
    public async Task<WebhookChannelRecord> RegisterAsync(WebhookChannelRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var provider = registration.Provider;
        if (!options.Value.Providers.TryGetValue(provider.Value, out var settings)
            || !catalog.TryGet(provider, out var definition) || definition.Webhooks is not { } webhooks || !WebhookChannelRules.UsesChannels(webhooks.Scheme))
        {
            throw Invalid($"provider: '{provider}' does not receive push channel notifications here; configure {WebhookOptions.SectionName}:Providers:{provider} for a provider whose webhook scheme is GoogleChannelToken.");
        }

        if (WebhookChannelRules.IdProblem(registration.ChannelId) is { } idProblem)
        {
            throw Invalid($"channelId {idProblem}.");
        }

        if (registration.Token is { } token)
        {
            if (WebhookChannelRules.TokenProblem(token) is { } tokenProblem)
            {
                throw Invalid($"token {tokenProblem}.");
            }
        }
        else if (settings.Secrets.Count == 0)
        {
            throw Invalid($"token: required, since {WebhookOptions.SectionName}:Providers:{provider}:Secrets holds no shared token.");
        }

        var now = time.GetUtcNow();
        if (registration.Expiration <= now)
        {
            throw Invalid($"expiration: {registration.Expiration:O} has passed.");
        }

        if ((await connections.GetAsync(registration.ConnectionId, cancellationToken).ConfigureAwait(false))?.Connection.Provider != provider)
        {
            throw Invalid($"connectionId: no connection of {provider} has the id '{registration.ConnectionId}'.");
        }

        if (channels.IsConfigured(provider, registration.ChannelId))
        {
            throw new DuplicateKeyException($"The {provider} channel '{registration.ChannelId}' is configured under {WebhookOptions.SectionName}:Providers:{provider}:Channels.");
        }

        await store.PurgeExpiredAsync(now, cancellationToken).ConfigureAwait(false);
        var channel = new WebhookChannelRecord
        {
            Provider = provider,
            ChannelId = registration.ChannelId,
            TokenHash = registration.Token is { } own ? GoogleChannelVerifier.HashToken(own) : null,
            ConnectionId = registration.ConnectionId,
            ExpiresAt = registration.Expiration,
            CreatedAt = now,
            Managed = registration.Managed,
            CalendarId = registration.CalendarId,
        };
        await store.AddAsync(channel, cancellationToken).ConfigureAwait(false);
        channels.Forget(provider, channel.ChannelId);
        return channel;
    }

    public Task<WebhookChannelRecord?> GetAsync(ProviderKey provider, string channelId, CancellationToken cancellationToken) =>
        store.GetAsync(provider, channelId, cancellationToken);

    public Task<IReadOnlyList<WebhookChannelRecord>> ListAsync(WebhookChannelQuery query, CancellationToken cancellationToken) =>
        store.ListAsync(query, cancellationToken);

    public async Task<bool> RemoveAsync(ProviderKey provider, string channelId, CancellationToken cancellationToken)
    {
        var removed = await store.DeleteAsync(provider, channelId, cancellationToken).ConfigureAwait(false);
        channels.Forget(provider, channelId);
        return removed;
    }

    private static ArgumentException Invalid(string message) => new(message, "registration");
}
