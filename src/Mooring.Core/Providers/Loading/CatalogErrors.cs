namespace Mooring.Providers.Loading;

/// <summary>Collects every problem found while loading the catalog, so that one start-up reports them all.</summary>
internal sealed class CatalogErrors
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages => _messages;

    public void Add(string provider, string field, string problem) =>
        _messages.Add($"Provider '{provider}': {field} {problem}");

    public void AddGeneral(string message) => _messages.Add(message);

    public DefinitionErrors For(string provider) => new(this, provider);
}

/// <summary>The errors of one provider, which prefix every message with its key.</summary>
internal readonly record struct DefinitionErrors(CatalogErrors Catalog, string Provider)
{
    public void Add(string field, string problem) => Catalog.Add(Provider, field, problem);
}
