namespace Mooring.Storage;

/// <summary>How a sync run stands or ended.</summary>
public enum SyncRunStatus
{
    /// <summary>In progress.</summary>
    Running,

    /// <summary>Ended with every page committed.</summary>
    Succeeded,

    /// <summary>Ended by an error; committed pages stay and the next run resumes from the cursor.</summary>
    Failed,

    /// <summary>Stopped on request.</summary>
    Cancelled,
}
