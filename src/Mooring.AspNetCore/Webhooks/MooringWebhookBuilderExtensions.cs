using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mooring.AspNetCore;
using Mooring.AspNetCore.Webhooks;
using Mooring.Connections;

namespace Mooring.Webhooks;

/// <summary>Registers webhook handlers on <c>AddMooring(…)</c>.</summary>
public static class MooringWebhookBuilderExtensions
{
    /// <summary>Calls <paramref name="handler"/> for every event of <paramref name="provider"/> whose type is <paramref name="eventType"/> (<c>*</c> for all).</summary>
    public static IMooringBuilder OnWebhook(this IMooringBuilder builder, string provider, string eventType, Func<WebhookContext, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        builder.Services.AddSingleton(new WebhookHandlerRegistration(ProviderKey.Parse(provider), eventType, (_, context, ct) => handler(context, ct)));
        return builder;
    }

    /// <summary>Calls <paramref name="handler"/> for every event of <paramref name="provider"/>.</summary>
    public static IMooringBuilder OnWebhook(this IMooringBuilder builder, string provider, Func<WebhookContext, CancellationToken, Task> handler) =>
        builder.OnWebhook(provider, WebhookHandlerRegistration.AnyType, handler);

    /// <summary>Resolves <typeparamref name="THandler"/> from a scope per event and calls it for <paramref name="provider"/>'s events of <paramref name="eventType"/> (all when omitted).</summary>
    public static IMooringBuilder OnWebhook<THandler>(this IMooringBuilder builder, string provider, string eventType = WebhookHandlerRegistration.AnyType)
        where THandler : class, IWebhookHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        builder.Services.TryAddScoped<THandler>();
        builder.Services.AddSingleton(new WebhookHandlerRegistration(
            ProviderKey.Parse(provider), eventType, (services, context, ct) => services.GetRequiredService<THandler>().HandleAsync(context, ct)));
        return builder;
    }
}
