namespace Mooring.Providers;

/// <summary>Whether the authorization server accepts PKCE (RFC 7636, method S256).</summary>
public enum PkceSupport
{
    /// <summary>PKCE is sent and accepted; Mooring always uses it where it is supported.</summary>
    Supported,

    /// <summary>PKCE must be sent.</summary>
    Required,

    /// <summary>The server rejects or ignores PKCE parameters; Mooring does not send them.</summary>
    None,
}
