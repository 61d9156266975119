using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Mooring.Providers.Loading;

/// <summary>
/// The JSON rules of definitions: camelCase names read ignoring case, unknown names rejected (a typo must not
/// pass silently), enums by name, durations in seconds, and numbers and booleans also from strings, as
/// configuration gives every value as a string.
/// </summary>
internal static class DefinitionJson
{
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(), new LenientBooleanConverter(), new SecondsConverter(), new StringMapConverter() },
    };

    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions: DocumentOptions);
}
