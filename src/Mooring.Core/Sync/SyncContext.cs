using Mooring.Connections;

namespace Mooring.Sync;

/// <summary>What a definition gets for one run: the connection, a client that calls its provider, and the clock.</summary>
public sealed class SyncContext
{
    internal SyncContext(Connection connection, HttpClient client, TimeProvider time)
    {
        Connection = connection;
        Client = client;
        Time = time;
    }

    /// <summary>The connection synced (its metadata holds account ids, such as Slack's <c>team_id</c>).</summary>
    public Connection Connection { get; }

    /// <summary>
    /// A client through Mooring's outbound pipeline at background priority: the connection's credentials, rate limits and
    /// retries; relative URIs resolve against the provider's API base URL.
    /// </summary>
    public HttpClient Client { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }
}
