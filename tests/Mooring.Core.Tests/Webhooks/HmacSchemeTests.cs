using System.Security.Cryptography;
using System.Text;
using Mooring.Providers;
using Mooring.Webhooks;
using Mooring.Webhooks.Verifiers;
using static Mooring.Core.Tests.Webhooks.Requests;

namespace Mooring.Core.Tests.Webhooks;

/// <summary>GitHub, Shopify and the generic HMAC scheme.</summary>
public sealed class HmacSchemeTests
{
    private const string Body = """{"action":"opened","installation":{"id":42}}""";

    private static WebhookSettings Scheme(WebhookSignatureScheme scheme, string header, string? timestampHeader = null) =>
        new() { Scheme = scheme, SignatureHeader = header, TimestampHeader = timestampHeader, EventId = "header:X-Id" };

    [Fact]
    public void GitHub_Sha256OfTheBody_IsAcceptedAndAForgeryIsNot()
    {
        var verifier = WebhookVerifierFactory.Create(Scheme(WebhookSignatureScheme.GitHubSha256, "X-Hub-Signature-256"), ["gh-secret-1", "gh-secret-2"]);

        verifier.Verify(Of(Body, ("X-Hub-Signature-256", Sign.GitHub("gh-secret-2", Body))), Now).ShouldBeNull();
        verifier.Verify(Of(Body, ("X-Hub-Signature-256", Sign.GitHub("gh-secret-2", Body).ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal))), Now).ShouldBeNull();
        verifier.Verify(Of(Body, ("X-Hub-Signature-256", Sign.GitHub("wrong-secret", Body))), Now).ShouldBe(WebhookRejection.SignatureMismatch);
        verifier.Verify(Of(Body, ("X-Hub-Signature-256", "sha1=" + new string('0', 40))), Now).ShouldBe(WebhookRejection.MalformedSignature);
        verifier.Verify(Of(Body), Now).ShouldBe(WebhookRejection.MissingSignature);
    }

    [Fact]
    public void Shopify_Base64OfTheBody_IsAcceptedAndAForgeryIsNot()
    {
        var verifier = WebhookVerifierFactory.Create(Scheme(WebhookSignatureScheme.Shopify, "X-Shopify-Hmac-Sha256"), ["shpss_client_secret"]);

        verifier.Verify(Of(Body, ("X-Shopify-Hmac-Sha256", Sign.Shopify("shpss_client_secret", Body))), Now).ShouldBeNull();
        verifier.Verify(Of(Body + " ", ("X-Shopify-Hmac-Sha256", Sign.Shopify("shpss_client_secret", Body))), Now).ShouldBe(WebhookRejection.SignatureMismatch);
        verifier.Verify(Of(Body, ("X-Shopify-Hmac-Sha256", "not base64!")), Now).ShouldBe(WebhookRejection.MalformedSignature);
    }

    [Fact]
    public void GenericHmac_Sha1HexWithPrefix_IsConfigurable()
    {
        var settings = Scheme(WebhookSignatureScheme.Hmac, "X-Signature");
        var verifier = WebhookVerifierFactory.Create(settings, ["generic-secret"], new HmacSchemeSettings(HashAlgorithmName.SHA1, SignatureEncoding.Hex, "sha1="));
        var mac = Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes("generic-secret"), Encoding.UTF8.GetBytes(Body)));

        verifier.Verify(Of(Body, ("X-Signature", "sha1=" + mac)), Now).ShouldBeNull();
        verifier.Verify(Of(Body, ("X-Signature", mac)), Now).ShouldBe(WebhookRejection.MalformedSignature);
    }

    [Fact]
    public void GenericHmac_Sha512Base64WithTimestamp_ChecksFreshness()
    {
        var settings = Scheme(WebhookSignatureScheme.Hmac, "X-Signature", "X-Timestamp");
        var verifier = WebhookVerifierFactory.Create(settings, ["generic-secret"], new HmacSchemeSettings(HashAlgorithmName.SHA512, SignatureEncoding.Base64, string.Empty));
        string Mac(long t) => Convert.ToBase64String(HMACSHA512.HashData(Encoding.UTF8.GetBytes("generic-secret"), Encoding.UTF8.GetBytes($"{t}.{Body}")));

        verifier.Verify(Of(Body, ("X-Timestamp", T.ToString()), ("X-Signature", Mac(T))), Now).ShouldBeNull();
        verifier.Verify(Of(Body, ("X-Timestamp", (T - 400).ToString()), ("X-Signature", Mac(T - 400))), Now).ShouldBe(WebhookRejection.StaleTimestamp);
    }
}
