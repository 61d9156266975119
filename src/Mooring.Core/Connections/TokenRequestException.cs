namespace Mooring.Connections;

/// <summary>A token request failed for a reason other than a dead grant: the provider is down or limiting, or Mooring's client setup is wrong.</summary>
public sealed class TokenRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider asked.</param>
    /// <param name="error">The OAuth error code or a Mooring code such as <c>http_503</c>, <c>timeout</c>.</param>
    /// <param name="message">What happened and what to do, in plain words.</param>
    /// <param name="isTransient">Whether trying again later may work.</param>
    public TokenRequestException(ProviderKey provider, string error, string message, bool isTransient)
        : base(message)
    {
        Provider = provider;
        Error = error;
        IsTransient = isTransient;
    }

    /// <summary>The provider asked.</summary>
    public ProviderKey Provider { get; }

    /// <summary>The OAuth error code or a Mooring code such as <c>http_503</c>, <c>timeout</c>.</summary>
    public string Error { get; }

    /// <summary>Whether trying again later may work (the provider was down or limiting); otherwise the setup must be fixed.</summary>
    public bool IsTransient { get; }
}
