using System.Security.Cryptography;
using System.Text;

namespace Mooring.Server.Tests.Webhooks;

/// <summary>The test secrets and signatures, computed as the providers document them.</summary>
internal static class TestSecrets
{
    public const string Stripe = "whsec_stripe_test_secret_0123456789";
    public const string Slack = "slack_signing_secret_0123456789";
    public const string GitHub = "github_webhook_secret_0123456789";
    public static readonly string Forwarding = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("forwarding-secret-32-bytes-long!"));

    public static string StripeHeader(string body, long t, string secret = Stripe) =>
        $"t={t},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")))}";

    public static string SlackSignature(string body, long t) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Slack), Encoding.UTF8.GetBytes($"v0:{t}:{body}")));

    public static string[] Settings => [
        $"--Mooring:Webhooks:Providers:stripe:Secrets:0={Stripe}",
        $"--Mooring:Webhooks:Providers:slack:Secrets:0={Slack}",
        $"--Mooring:Webhooks:Providers:github:Secrets:0={GitHub}",
    ];
}
