using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mooring.Sandbox.Slack;

/// <summary>
/// A Web API call's arguments, which Slack accepts in the query string, a form body or a JSON body alike,
/// and its token, from the Authorization header or the <c>token</c> argument.
/// </summary>
internal sealed class SlackArgs(Dictionary<string, string> values, string? token)
{
    public string? Token { get; } = token;

    public string? this[string name] => values.TryGetValue(name, out var v) ? v : null;

    public int Int(string name, int fallback, int max) =>
        int.TryParse(this[name], out var v) && v > 0 ? Math.Min(v, max) : fallback;

    public static async Task<SlackArgs> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (k, v) in await request.ReadFormAsync(cancellationToken).ConfigureAwait(false))
            {
                values[k] = v.ToString();
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var doc = await JsonDocument.ParseAsync(request.Body, default, cancellationToken).ConfigureAwait(false);
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    values[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                values["__invalid_json"] = "true";
            }
        }

        var token = OAuth.BasicCredentials.Bearer(request) ?? values.GetValueOrDefault("token");
        return new SlackArgs(values, token);
    }
}
