namespace Mooring.Retention;

internal static class RetentionConstants
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(1);
    public static readonly TimeSpan FirstPassDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan RequestLog = TimeSpan.FromDays(14);
    public static readonly TimeSpan WebhookEvents = TimeSpan.FromDays(30);
    public static readonly TimeSpan MinWebhookEvents = TimeSpan.FromDays(1);
    public static readonly TimeSpan SyncRuns = TimeSpan.FromDays(90);

    // An expired OAuth state or push channel stays a day, so that a late callback or notification still gets told "expired".
    public static readonly TimeSpan ExpiredGrace = TimeSpan.FromDays(1);
    public const int BatchSize = 1_000;
    public const int MaxBatchSize = 10_000; // a batch of webhook events is deleted by a list of ids: SQLite takes at most 32,766 parameters
    public const string MeterName = "Mooring.Retention";
}
