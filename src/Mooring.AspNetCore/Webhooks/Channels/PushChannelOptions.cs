namespace Mooring.Webhooks;

/// <summary>
/// The push channels Mooring opens itself with <see cref="IPushChannelWatcher"/> (configuration section
/// <c>Mooring:Webhooks:PushChannels</c>). Validated at start-up.
/// </summary>
public sealed class PushChannelOptions
{
    /// <summary>How long a channel lives when the watch names no ttl (Google's own default); Google may grant less.</summary>
    /// <value>The default value is 7 days.</value>
    public TimeSpan DefaultTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the channels are checked for renewal; zero turns renewal off.</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A channel is renewed (a new one opened, then the old one stopped, so that no change goes unnoticed in between)
    /// when less than this, or less than a quarter of its lifetime if that is shorter, is left. Keep it well above
    /// <see cref="RenewInterval"/>, or a channel may expire between two checks.
    /// </summary>
    /// <value>The default value is 1 day.</value>
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromDays(1);
}
