namespace Mooring.Outbound.RateLimiting;

/// <summary>The answer of <see cref="IBucketStore.TryTakeAsync"/>: whether the demands were taken, and the wait until their moment.</summary>
internal readonly record struct BucketTake(bool Taken, TimeSpan Wait);
