using System.Collections.Concurrent;
using Mooring.Sandbox.Data;
using Mooring.Sandbox.Google.Channels;

namespace Mooring.Sandbox.Google;

/// <summary>The emulated Google account: one Gmail mailbox and any number of calendars, generated from the seed.</summary>
internal sealed class GoogleAccount
{
    public const string Email = "sandbox.user@example.com";

    /// <summary>History ids start high, as Gmail's do, so a client cannot mistake them for counts.</summary>
    public const long HistoryBase = 1_000_000;

    private readonly SandboxOptions _options;
    private readonly ConcurrentDictionary<string, RecordStore> _calendars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Client, string User), bool> _consented = new();

    public GoogleAccount(SandboxOptions options)
    {
        _options = options;
        Channels = new CalendarChannels(options);
        Mailbox = new RecordStore("google:gmail", options.Seed, options.Data.GmailMessages, options.TimeProvider.GetUtcNow(), TimeSpan.FromMinutes(30), options.Data.ChangeRetention);
    }

    public RecordStore Mailbox { get; }

    /// <summary>The notification channels opened by <c>events.watch</c>; every change to a calendar's events is queued on its channels.</summary>
    public CalendarChannels Channels { get; }

    /// <summary>The calendar's key: <c>primary</c> for the user's own, also when named by its address.</summary>
    public static string CalendarKey(string id) => id == Email ? "primary" : id;

    public RecordStore Calendar(string id) => _calendars.GetOrAdd(CalendarKey(id), key => new RecordStore(
        "google:calendar:" + key, _options.Seed, _options.Data.CalendarEvents, _options.TimeProvider.GetUtcNow(), TimeSpan.FromHours(6), _options.Data.ChangeRetention)
    {
        Changed = _ => Channels.Changed(key),
    });

    public IEnumerable<RecordStore> Stores() => [Mailbox, .. _calendars.Values];

    /// <summary>Records a consent; returns whether it is the first for this client and user (Google sends a refresh token only then, unless prompt=consent).</summary>
    public bool FirstConsent(string clientId, string user) => _consented.TryAdd((clientId, user), true);
}
