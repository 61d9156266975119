using Microsoft.Extensions.DependencyInjection;
using Mooring.AspNetCore;
using Mooring.AspNetCore.Sync;
using Mooring.AspNetCore.Webhooks;
using Mooring.Sync.Providers;

namespace Mooring.Sync;

/// <summary>Registers sync models on <c>AddMooring(…)</c>.</summary>
public static class MooringSyncBuilderExtensions
{
    /// <summary>
    /// Syncs <typeparamref name="TDefinition"/>'s model for every connection of its provider, on its schedules, and starts a
    /// short incremental sync when a verified webhook of one of its <see cref="SyncDefinition.WebhookEventTypes"/> arrives
    /// for a connection.
    /// </summary>
    public static IMooringBuilder AddSync<TDefinition>(this IMooringBuilder builder)
        where TDefinition : SyncDefinition
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(SyncDefinition) && d.ImplementationType == typeof(TDefinition)))
        {
            return builder;
        }

        builder.Services.AddSyncDefinition<TDefinition>();
        builder.Services.AddSingleton(sp => SyncWebhookTrigger.Registration(sp.GetServices<SyncDefinition>().OfType<TDefinition>().Single()));
        return builder;
    }

    /// <summary>
    /// Adds the built-in models: <c>stripe-customers</c>, <c>stripe-subscriptions</c>, <c>stripe-invoices</c>,
    /// <c>calendar-events</c>, <c>gmail-messages</c>, <c>github-issues</c>, <c>slack-channels</c>, <c>slack-messages</c>
    /// (<c>Mooring:Sync:BuiltIns = true</c> does the same).
    /// </summary>
    public static IMooringBuilder AddBuiltInSyncs(this IMooringBuilder builder) => builder
        .AddSync<StripeCustomersSync>()
        .AddSync<StripeSubscriptionsSync>()
        .AddSync<StripeInvoicesSync>()
        .AddSync<CalendarEventsSync>()
        .AddSync<GmailMessagesSync>()
        .AddSync<GitHubIssuesSync>()
        .AddSync<SlackChannelsSync>()
        .AddSync<SlackMessagesSync>();
}
