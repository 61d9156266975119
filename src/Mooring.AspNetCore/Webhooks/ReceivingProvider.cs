using Mooring.Connections;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>A provider whose webhooks this instance accepts: how they are verified and read.</summary>
/// <param name="Key">The provider.</param>
/// <param name="Verifier">Checks a delivery's signature or token.</param>
/// <param name="Reader">Reads a verified delivery into an event.</param>
/// <param name="ChannelHeader">The header naming the channel to look up before verification, for channel schemes (Google); else <see langword="null"/>.</param>
internal sealed record ReceivingProvider(ProviderKey Key, IWebhookVerifier Verifier, WebhookEventReader Reader, string? ChannelHeader);
