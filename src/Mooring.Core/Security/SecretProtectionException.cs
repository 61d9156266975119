namespace Mooring.Security;

/// <summary>A stored secret could not be decrypted: its key is not configured, or it was altered.</summary>
public sealed class SecretProtectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SecretProtectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public SecretProtectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
