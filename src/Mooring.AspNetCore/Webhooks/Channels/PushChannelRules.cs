using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks.Channels;

/// <summary>What a push channel's lifetime may be, as the options, the watcher and the API check it.</summary>
internal static class PushChannelRules
{
    public static readonly TimeSpan MinTtl = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxTtl = TimeSpan.FromDays(30);

    /// <summary>What is wrong with <paramref name="ttl"/>, or <see langword="null"/>.</summary>
    public static string? TtlProblem(TimeSpan ttl) =>
        ttl < MinTtl || ttl > MaxTtl ? $"must be between {MinTtl.TotalSeconds:0} seconds (1 minute) and {MaxTtl.TotalSeconds:0} seconds (30 days)" : null;

    /// <summary>Whether <paramref name="channel"/> is due for renewal at <paramref name="now"/>.</summary>
    public static bool DueForRenewal(Storage.WebhookChannelRecord channel, DateTimeOffset now, PushChannelOptions options)
    {
        var margin = TimeSpan.FromTicks(Math.Min(options.RenewBefore.Ticks, (channel.ExpiresAt - channel.CreatedAt).Ticks / 4));
        return channel.ExpiresAt - now < margin;
    }

    public static void Validate(List<string> errors, PushChannelOptions options)
    {
        const string Prefix = WebhookOptions.SectionName + ":PushChannels";
        if (TtlProblem(options.DefaultTtl) is { } problem)
        {
            errors.Add($"{Prefix}:DefaultTtl {problem}.");
        }

        if (options.RenewInterval < TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:RenewInterval must be zero (renewal off) or positive.");
        }

        if (options.RenewBefore <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:RenewBefore must be positive.");
        }
    }
}
