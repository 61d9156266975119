namespace Mooring.Storage;

/// <summary>A record with the same key is already stored.</summary>
public sealed class DuplicateKeyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DuplicateKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public DuplicateKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
