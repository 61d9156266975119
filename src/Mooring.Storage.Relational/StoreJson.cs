using System.Text.Json;

namespace Mooring.Storage.Relational;

internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);
}
