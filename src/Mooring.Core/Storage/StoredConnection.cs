using Mooring.Connections;
using Mooring.Security;

namespace Mooring.Storage;

/// <summary>A connection as stored: its public part and its encrypted credentials.</summary>
/// <param name="Connection">Everything but the secrets.</param>
/// <param name="Credentials">The encrypted <see cref="ConnectionCredentials"/>, if any.</param>
public sealed record StoredConnection(Connection Connection, ProtectedSecret? Credentials);
