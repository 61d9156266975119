namespace Mooring.Providers.Slack;

/// <summary>A Slack channel.</summary>
/// <param name="Id">The channel's id, such as <c>C0123</c>.</param>
/// <param name="Name">The name without <c>#</c>.</param>
/// <param name="IsPrivate">Whether it is a private channel.</param>
/// <param name="IsMember">Whether the app is a member (and so can post to it).</param>
public sealed record SlackChannel(string Id, string Name, bool IsPrivate, bool IsMember);
