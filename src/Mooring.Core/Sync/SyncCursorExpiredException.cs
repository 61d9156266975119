namespace Mooring.Sync;

/// <summary>The provider no longer accepts the change cursor (Calendar's 410, Gmail's 404): a full sync is needed.</summary>
public sealed class SyncCursorExpiredException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> says what the provider answered.</summary>
    public SyncCursorExpiredException(string message)
        : base(message)
    {
    }
}
