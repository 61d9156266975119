using Mooring.Connections;

namespace Mooring.OAuth;

/// <summary>How an authorization callback ended: a stored connection, or an error with words a person understands.</summary>
internal sealed record ConnectOutcome
{
    public Connection? Connection { get; init; }

    public ProviderKey? Provider { get; init; }

    public string? ProviderName { get; init; }

    /// <summary>A short code such as <c>access_denied</c> or <c>invalid_state</c>.</summary>
    public string? Error { get; init; }

    /// <summary>What happened and what to do, in plain words.</summary>
    public string? Message { get; init; }

    public bool Succeeded => Connection is not null;

    public static ConnectOutcome Failed(string error, string message, ProviderKey? provider = null, string? providerName = null) =>
        new() { Error = error, Message = message, Provider = provider, ProviderName = providerName };
}
