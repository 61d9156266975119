using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Mooring.AspNetCore.Webhooks.Channels;
using Mooring.Connections;
using Mooring.Providers;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>The configured providers, built once from the validated options and the catalog.</summary>
internal sealed class ReceivingProviders(IOptions<WebhookOptions> options, IProviderCatalog catalog)
{
    private readonly Lazy<FrozenDictionary<string, ReceivingProvider>> _providers = new(() => Build(options.Value, catalog));

    public bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReceivingProvider? provider) =>
        _providers.Value.TryGetValue(key, out provider);

    /// <summary>The providers whose notifications name a registered channel (Google's).</summary>
    public IEnumerable<ProviderKey> ChannelProviders() => _providers.Value.Values.Where(p => p.ChannelHeader is not null).Select(p => p.Key);

    private static FrozenDictionary<string, ReceivingProvider> Build(WebhookOptions options, IProviderCatalog catalog) =>
        options.Providers.ToFrozenDictionary(
            p => p.Key.ToLowerInvariant(),
            p =>
            {
                var key = ProviderKey.Parse(p.Key.ToLowerInvariant());
                var settings = catalog.Get(key).Webhooks!;
                var verifier = WebhookVerifierFactory.Create(settings, p.Value.Secrets, WebhookHmac.Read(p.Value.Hmac).Settings);
                var channelHeader = WebhookChannelRules.UsesChannels(settings.Scheme) ? WebhookVerifierFactory.GoogleChannelHeader(settings) : null;
                return new ReceivingProvider(key, verifier, new WebhookEventReader(key, settings), channelHeader);
            },
            StringComparer.OrdinalIgnoreCase);
}
