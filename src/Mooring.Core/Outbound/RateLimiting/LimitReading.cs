namespace Mooring.Outbound.RateLimiting;

/// <summary>
/// One limit as a response reported it: its name (GitHub's resource, an IETF policy name, or <c>default</c>), and
/// whichever of quota, window, remaining and time to reset the headers gave.
/// </summary>
internal sealed record LimitReading(string Name, int? Limit, TimeSpan? Window, int? Remaining, TimeSpan? ResetAfter);
