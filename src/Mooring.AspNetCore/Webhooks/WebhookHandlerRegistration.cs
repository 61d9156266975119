using Mooring.Connections;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>One <c>OnWebhook(…)</c> call.</summary>
internal sealed record WebhookHandlerRegistration(ProviderKey Provider, string EventType, Func<IServiceProvider, WebhookContext, CancellationToken, Task> Invoke)
{
    public const string AnyType = "*";
}
