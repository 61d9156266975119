namespace Mooring.Storage.Relational;

/// <summary>One schema step: a version, what it does, and its SQL for a dialect.</summary>
internal sealed record Migration(int Version, string Description, Func<StoreDialect, string> Sql);
