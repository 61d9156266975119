namespace Mooring.AspNetCore;

/// <summary>How Mooring runs.</summary>
public enum MooringMode
{
    /// <summary>Real providers. Encryption keys and the management API key must be configured; nothing is generated.</summary>
    Production,

    /// <summary>
    /// For trying Mooring and for tests: missing keys are generated and kept in the data directory (and the log says so),
    /// and the provider emulators are mounted.
    /// </summary>
    Sandbox,
}
