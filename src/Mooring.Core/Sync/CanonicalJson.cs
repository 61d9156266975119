using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Mooring.Sync;

/// <summary>
/// JSON in one canonical form (object keys sorted ordinally, compact), so that the same record always hashes the same
/// whatever order the provider sent its keys in.
/// </summary>
internal static class CanonicalJson
{
    public static (string Json, string Hash) Write(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteElement(writer, element);
        }

        var hash = Convert.ToBase64String(SHA256.HashData(buffer.WrittenSpan));
        return (Encoding.UTF8.GetString(buffer.WrittenSpan), hash);
    }

    private static void WriteElement(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteElement(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteElement(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
