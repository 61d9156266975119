namespace Mooring.Outbound.RateLimiting;

/// <summary>What a response said about rate limits: how long to wait before retrying, and the limits it reported.</summary>
internal sealed record ResponseReading(TimeSpan? RetryAfter, IReadOnlyList<LimitReading> Limits)
{
    public static ResponseReading None { get; } = new(null, []);
}
