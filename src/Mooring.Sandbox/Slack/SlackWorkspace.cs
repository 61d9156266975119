using System.Collections.Concurrent;
using Mooring.Sandbox.Data;

namespace Mooring.Sandbox.Slack;

/// <summary>The emulated Slack workspace: channels, and messages per channel, generated from the seed.</summary>
internal sealed class SlackWorkspace
{
    public const string TeamId = "T0SANDBOX1";
    public const string TeamName = "Mooring Sandbox";
    public const string AppId = "A0SANDBOX1";
    public const string BotUserId = "U0SANDBOT1";
    public const string BotId = "B0SANDBOT1";
    public const string DefaultUser = "U0SANDUSR1";

    private readonly SandboxOptions _options;
    private readonly ConcurrentDictionary<long, RecordStore> _messages = new();

    public SlackWorkspace(SandboxOptions options)
    {
        _options = options;
        var now = options.TimeProvider.GetUtcNow();
        Channels = new RecordStore("slack:channels", options.Seed, options.Data.SlackChannels, now, TimeSpan.FromDays(1), options.Data.ChangeRetention);
    }

    public RecordStore Channels { get; }

    public Webhooks.WebhookFeed Feed { get; } = new();

    public RecordStore Messages(long channel) => _messages.GetOrAdd(channel, c =>
    {
        var store = new RecordStore("slack:messages:" + c, _options.Seed, _options.Data.SlackMessages, _options.TimeProvider.GetUtcNow(), TimeSpan.FromMinutes(1), _options.Data.ChangeRetention);
        store.Changed = change => Feed.Add(SlackEvents.For(this, c, store, change));
        return store;
    });

    public IEnumerable<RecordStore> Stores() => [Channels, .. _messages.Values];

    public string ChannelId(long index) => SlackIds.Encode('C', _options.Seed, index);

    /// <summary>chat.postMessage also takes a channel name (<c>general</c> or <c>#general</c>).</summary>
    public long? ChannelIndexOrName(string? idOrName) => ChannelIndex(idOrName) ?? (idOrName is null ? null : Channels.Scan(0, descending: false)
        .Where(c => !c.Deleted && SlackJson.Channel(this, c, _options.Seed)["name"]!.GetValue<string>() == idOrName.TrimStart('#'))
        .Select(c => (long?)c.Index)
        .FirstOrDefault());

    public long? ChannelIndex(string? id) => SlackIds.Decode('C', _options.Seed, id) is { } i && Channels.Get(i) is { Deleted: false } ? i : null;
}
