using System.Text;
using Mooring.Webhooks;

namespace Mooring.Core.Tests.Webhooks;

internal static class Requests
{
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    public static long T => Now.ToUnixTimeSeconds();

    public static WebhookRequest Of(string body, params (string Name, string Value)[] headers)
    {
        var map = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        return new WebhookRequest(Encoding.UTF8.GetBytes(body), name => map.GetValueOrDefault(name));
    }
}
