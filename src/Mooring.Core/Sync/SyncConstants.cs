namespace Mooring.Sync;

/// <summary>Defaults of <see cref="SyncOptions"/> and <see cref="SyncDefinition"/>.</summary>
internal static class SyncConstants
{
    public const string SectionName = "Mooring:Sync";
    public const string FullSchedule = "0 3 * * 0";
    public const string IncrementalSchedule = "*/15 * * * *";
    public const double MaxDeleteShare = 0.2;
    public const int RunsPerPageUpdate = 10;
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan ScheduleJitter = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);
}
