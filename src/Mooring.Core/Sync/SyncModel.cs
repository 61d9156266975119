using Cronos;

namespace Mooring.Sync;

/// <summary>A registered definition with its effective schedules.</summary>
internal sealed record SyncModel(SyncDefinition Definition, CronExpression Full, CronExpression Incremental)
{
    public string Name => Definition.Model;

    public string Provider => Definition.Provider;
}
