using Cronos;
using Microsoft.Extensions.Options;

namespace Mooring.Sync;

/// <summary>The enabled definitions, by model name and by provider, with schedules from configuration or the definition.</summary>
internal sealed class SyncModels
{
    private readonly Dictionary<string, SyncModel> _byName = new(StringComparer.Ordinal);

    public SyncModels(IEnumerable<SyncDefinition> definitions, IOptions<SyncOptions> options)
    {
        foreach (var definition in definitions)
        {
            var settings = options.Value.Models.GetValueOrDefault(definition.Model) ?? new SyncModelOptions();
            if (!settings.Enabled)
            {
                continue;
            }

            if (_byName.ContainsKey(definition.Model))
            {
                throw new InvalidOperationException($"Two sync definitions have the model name '{definition.Model}' ({_byName[definition.Model].Definition.GetType().Name} and {definition.GetType().Name}); model names must be unique.");
            }

            _byName[definition.Model] = new SyncModel(
                definition,
                Parse(definition, "full", settings.FullSchedule ?? definition.FullSchedule),
                Parse(definition, "incremental", settings.IncrementalSchedule ?? definition.IncrementalSchedule));
        }
    }

    public IReadOnlyCollection<SyncModel> All => _byName.Values;

    public SyncModel? Find(string model) => _byName.GetValueOrDefault(model);

    public IEnumerable<SyncModel> ForProvider(string provider) => _byName.Values.Where(m => string.Equals(m.Provider, provider, StringComparison.Ordinal));

    private static CronExpression Parse(SyncDefinition definition, string kind, string expression) =>
        SyncOptionsValidator.CronError(expression) is { } error
            ? throw new InvalidOperationException($"The {kind} schedule '{expression}' of sync model '{definition.Model}' is not a cron expression: {error}")
            : CronExpression.Parse(expression);
}
