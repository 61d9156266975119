namespace Mooring.Retention;

/// <summary>
/// One kind of record that a retention pass deletes: the table it names in logs and metrics, how long its rows are kept
/// (<see langword="null"/>: for good), and the store's bounded delete, which returns how many rows went.
/// </summary>
internal sealed record RetentionTask(
    string Table,
    Func<RetentionOptions, TimeSpan?> Period,
    Func<DateTimeOffset, int, CancellationToken, Task<int>> PurgeAsync);
