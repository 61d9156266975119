using System.Security.Cryptography;
using Mooring.Providers;
using Mooring.Webhooks;
using static Mooring.Core.Tests.Webhooks.Requests;

namespace Mooring.Core.Tests.Webhooks;

public sealed class StandardWebhooksVerifierTests
{
    private const string Body = """{"type":"user.created","timestamp":"2026-01-01T00:00:00Z","data":{"id":1}}""";
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
    private static readonly string Other = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    private static IWebhookVerifier Verifier(string prefix, params string[] secrets) => WebhookVerifierFactory.Create(
        new WebhookSettings
        {
            Scheme = WebhookSignatureScheme.StandardWebhooks, SignatureHeader = prefix + "-signature", TimestampHeader = prefix + "-timestamp", EventId = $"header:{prefix}-id",
        },
        secrets);

    [Theory]
    [InlineData("webhook")]
    [InlineData("svix")]
    public void Verify_SignedPerTheSpec_IsAccepted(string prefix)
    {
        var signature = Sign.StandardWebhooks(Secret, "msg_1", T, Body);

        Verifier(prefix, Secret).Verify(Of(Body, ($"{prefix}-id", "msg_1"), ($"{prefix}-timestamp", T.ToString()), ($"{prefix}-signature", signature)), Now).ShouldBeNull();
    }

    [Fact]
    public void Verify_SeveralSignaturesAndVersions_AcceptsAnyV1Match()
    {
        var header = $"v1a,{Convert.ToBase64String(new byte[64])} {Sign.StandardWebhooks(Other, "msg_1", T, Body)} {Sign.StandardWebhooks(Secret, "msg_1", T, Body)}";

        Verifier("webhook", Secret).Verify(Of(Body, ("webhook-id", "msg_1"), ("webhook-timestamp", T.ToString()), ("webhook-signature", header)), Now).ShouldBeNull();
    }

    [Theory]
    [InlineData("v1,%%%")]
    [InlineData("v1,")]
    [InlineData("v1")]
    [InlineData("v2,abc")]
    [InlineData("v1,AAAA")]
    public void Verify_MalformedEntryBesideAValidV1_IsSkippedAndTheDeliveryAccepted(string garbage)
    {
        var header = $"{garbage} {Sign.StandardWebhooks(Secret, "msg_1", T, Body)}";

        Verifier("webhook", Secret).Verify(Of(Body, ("webhook-id", "msg_1"), ("webhook-timestamp", T.ToString()), ("webhook-signature", header)), Now).ShouldBeNull();
    }

    [Theory]
    [InlineData("v1,%%% v2,abc v1", "malformed_signature")]
    [InlineData("v1,%%% v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "signature_mismatch")]
    public void Verify_OnlyMalformedEntries_IsRefusedWithTheRightReason(string header, string code)
    {
        var result = Should.NotThrow(() => Verifier("webhook", Secret).Verify(Of(Body, ("webhook-id", "msg_1"), ("webhook-timestamp", T.ToString()), ("webhook-signature", header)), Now));

        result.ShouldNotBeNull().Code.ShouldBe(code);
    }

    [Fact]
    public void Verify_IdChanged_StaleOrForged_IsRefused()
    {
        var signature = Sign.StandardWebhooks(Secret, "msg_1", T, Body);
        var verifier = Verifier("webhook", Secret);

        verifier.Verify(Of(Body, ("webhook-id", "msg_2"), ("webhook-timestamp", T.ToString()), ("webhook-signature", signature)), Now).ShouldBe(WebhookRejection.SignatureMismatch);
        verifier.Verify(Of(Body, ("webhook-id", "msg_1"), ("webhook-timestamp", T.ToString()), ("webhook-signature", signature)), Now.AddMinutes(6)).ShouldBe(WebhookRejection.StaleTimestamp);
        verifier.Verify(Of(Body, ("webhook-id", "msg_1"), ("webhook-timestamp", T.ToString()), ("webhook-signature", Sign.StandardWebhooks(Other, "msg_1", T, Body))), Now)
            .ShouldBe(WebhookRejection.SignatureMismatch);
        verifier.Verify(Of(Body, ("webhook-timestamp", T.ToString()), ("webhook-signature", signature)), Now).ShouldBe(WebhookRejection.MissingId);
        verifier.Verify(Of(Body, ("webhook-id", "msg_1"), ("webhook-timestamp", T.ToString()), ("webhook-signature", "v1,%%%")), Now).ShouldBe(WebhookRejection.MalformedSignature);
    }

    [Theory]
    [InlineData("whsec_", "must be")]
    [InlineData("whsec_!!notbase64", "must be")]
    [InlineData("", "is empty")]
    public void Secrets_Unusable_AreNamedWithoutEchoingThem(string secret, string expected)
    {
        WebhookSecrets.Problem(WebhookSignatureScheme.StandardWebhooks, secret)!.ShouldContain(expected);
    }
}
