using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mooring.Providers.Loading;

/// <summary>
/// Reads maps of names to values (headers, authorize parameters): a <see langword="null"/> value (an empty
/// configuration value) removes the entry, so that an override can drop a built-in parameter such as Google's
/// <c>prompt</c>; numbers and booleans are kept as their text.
/// </summary>
internal sealed class StringMapConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected an object of names to values");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    map.Remove(name);
                    break;
                case JsonTokenType.String:
                    map[name] = reader.GetString()!;
                    break;
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                    using (var value = JsonDocument.ParseValue(ref reader))
                    {
                        map[name] = value.RootElement.GetRawText();
                    }

                    break;
                default:
                    throw new JsonException($"the value of '{name}' must be text");
            }
        }

        return map;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, text) in value)
        {
            writer.WriteString(name, text);
        }

        writer.WriteEndObject();
    }
}
