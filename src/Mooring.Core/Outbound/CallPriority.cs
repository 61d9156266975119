namespace Mooring.Outbound;

/// <summary>Who is waiting for a call to a provider; decides who goes first when a rate limit makes callers queue.</summary>
public enum CallPriority
{
    /// <summary>A person or the host app is waiting for the answer. Goes ahead of <see cref="Background"/> calls.</summary>
    Interactive,

    /// <summary>Sync and other background work, which yields to interactive calls.</summary>
    Background,
}
