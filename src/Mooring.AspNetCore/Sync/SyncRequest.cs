using System.Diagnostics.CodeAnalysis;
using Mooring.AspNetCore.Management;
using Mooring.Connections;
using Mooring.Sync;

namespace Mooring.AspNetCore.Sync;

/// <summary>
/// A request about syncs as text, as the management API (<see cref="SyncEndpoints"/>) and the <c>mooring sync</c>
/// commands both take it: a connection id and a limit read or refused with a problem naming the field (the API's 400),
/// and the answers for a connection or a model that is not there (its 404).
/// </summary>
internal static class SyncRequest
{
    /// <summary>Reads <paramref name="connection"/>, or says what is wrong with it.</summary>
    public static bool TryConnection(string connection, out ConnectionId id, [NotNullWhen(false)] out string? problem)
    {
        if (ConnectionId.TryParse(connection, out id, out var error))
        {
            problem = null;
            return true;
        }

        problem = "connection: " + error;
        return false;
    }

    /// <summary>Whether <paramref name="limit"/> is omitted or 1 to 1000; if not, <paramref name="problem"/> says so.</summary>
    public static bool TryLimit(int? limit, [NotNullWhen(false)] out string? problem) => QueryFields.TryLimit(limit, out _, out problem);

    /// <summary>
    /// What <see cref="ISyncManager"/> says when the connection, or the model for the connection's provider, is not there
    /// (the API's 404); <see langword="null"/> for any other failure.
    /// </summary>
    public static string? NotFound(Exception exception) => exception switch
    {
        ConnectionNotFoundException => exception.Message,
        ArgumentException { ParamName: "model" } => "model: " + exception.Message.Split(" (Parameter", 2)[0],
        _ => null,
    };
}
