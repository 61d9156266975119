using System.Security.Cryptography;
using System.Text;

namespace Mooring.Core.Tests.Webhooks;

/// <summary>Signatures computed the way each provider documents them, independently of Mooring's code.</summary>
internal static class Sign
{
    public static string HexSha256(string key, string content) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(content)));

    public static string Base64Sha256(byte[] key, string content) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(content)));

    public static string Stripe(string secret, long t, string body) => $"t={t},v1={HexSha256(secret, $"{t}.{body}")}";

    public static string Slack(string secret, long t, string body) => "v0=" + HexSha256(secret, $"v0:{t}:{body}");

    public static string GitHub(string secret, string body) => "sha256=" + HexSha256(secret, body);

    public static string Shopify(string secret, string body) => Base64Sha256(Encoding.UTF8.GetBytes(secret), body);

    public static string StandardWebhooks(string whsec, string id, long t, string body) =>
        "v1," + Base64Sha256(Convert.FromBase64String(whsec["whsec_".Length..]), $"{id}.{t}.{body}");
}
