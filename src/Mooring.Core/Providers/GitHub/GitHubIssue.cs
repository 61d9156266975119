namespace Mooring.Providers.GitHub;

/// <summary>A GitHub issue.</summary>
/// <param name="Number">Its number in the repository.</param>
/// <param name="Title">Its title.</param>
/// <param name="State"><c>open</c> or <c>closed</c>.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record GitHubIssue(int Number, string Title, string State, DateTimeOffset UpdatedAt);
