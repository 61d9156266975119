namespace Mooring.Storage;

/// <summary>The kinds of records that hold encrypted secrets.</summary>
public static class SecretKinds
{
    /// <summary>A connection's credentials.</summary>
    public const string Connection = "connection";

    /// <summary>A pending OAuth flow's PKCE verifier.</summary>
    public const string OAuthState = "oauth_state";

    /// <summary>The encryption context for a secret of <paramref name="kind"/> in record <paramref name="recordId"/>.</summary>
    public static string Context(string kind, string recordId) => kind + ":" + recordId;
}
