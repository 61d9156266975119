namespace Mooring.Providers.Google;

/// <summary>A message Gmail sent.</summary>
/// <param name="Id">The message's id.</param>
/// <param name="ThreadId">The thread it belongs to.</param>
public sealed record SentEmail(string Id, string ThreadId);
