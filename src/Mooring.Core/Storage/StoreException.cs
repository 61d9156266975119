namespace Mooring.Storage;

/// <summary>The store cannot be used: it is unreachable, unwritable, or its schema is from a newer Mooring.</summary>
/// <remarks>The message names the problem and the fix, so that start-up can print it as it is.</remarks>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
