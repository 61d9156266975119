namespace Mooring.Sandbox.OAuth;

/// <summary>One user's authorization of one client: every token issued from it dies with it.</summary>
internal sealed class Grant(string id, string provider, string clientId, string scope, string user)
{
    public string Id { get; } = id;

    public string Provider { get; } = provider;

    public string ClientId { get; } = clientId;

    public string Scope { get; } = scope;

    public string User { get; } = user;

    public bool Revoked { get; set; }

    /// <summary>Gets or sets the OpenID Connect nonce of the authorization request, echoed in the ID token.</summary>
    public string? Nonce { get; set; }

    /// <summary>Gets a lock that serialises refreshes of this grant, so a rotation is atomic.</summary>
    public Lock Sync { get; } = new();
}
