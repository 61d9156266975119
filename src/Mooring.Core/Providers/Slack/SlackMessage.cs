namespace Mooring.Providers.Slack;

/// <summary>A message Slack accepted.</summary>
/// <param name="Channel">The channel's id.</param>
/// <param name="Ts">The message's timestamp, which is its id within the channel.</param>
public sealed record SlackMessage(string Channel, string Ts);
