using Mooring.Connections;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>A provider whose webhooks this instance accepts: how they are verified and read.</summary>
internal sealed record ReceivingProvider(ProviderKey Key, IWebhookVerifier Verifier, WebhookEventReader Reader);
