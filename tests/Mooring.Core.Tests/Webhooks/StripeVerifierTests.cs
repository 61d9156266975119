using System.Globalization;
using Mooring.Providers;
using Mooring.Webhooks;
using Stripe;
using static Mooring.Core.Tests.Webhooks.Requests;

namespace Mooring.Core.Tests.Webhooks;

public sealed class StripeVerifierTests
{
    private const string Secret = "whsec_test_secret_current";
    private const string OldSecret = "whsec_test_secret_previous";
    private const string Body = """{"id":"evt_1","object":"event","type":"payment_intent.succeeded","api_version":"2025-01-27.acacia","data":{"object":{}}}""";

    private static readonly WebhookSettings Settings = new()
    {
        Scheme = WebhookSignatureScheme.Stripe, SignatureHeader = "Stripe-Signature", Tolerance = TimeSpan.FromSeconds(300), EventId = "/id",
    };

    private static IWebhookVerifier Verifier(params string[] secrets) => WebhookVerifierFactory.Create(Settings, secrets);

    [Fact]
    public void Verify_SignedAsStripeDocuments_IsAccepted_AndStripeNetAgrees()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var header = Sign.Stripe(Secret, now.ToUnixTimeSeconds(), Body);

        Verifier(Secret).Verify(Of(Body, ("Stripe-Signature", header)), now).ShouldBeNull();
        Should.NotThrow(() => EventUtility.ValidateSignature(Body, header, Secret));
        EventUtility.ConstructEvent(Body, header, Secret, throwOnApiVersionMismatch: false).Id.ShouldBe("evt_1");
    }

    [Fact]
    public void Verify_ForgedSignature_IsRefused_AndStripeNetAgrees()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var forged = Sign.Stripe("whsec_attacker_guess", now.ToUnixTimeSeconds(), Body);

        Verifier(Secret).Verify(Of(Body, ("Stripe-Signature", forged)), now).ShouldBe(WebhookRejection.SignatureMismatch);
        Should.Throw<StripeException>(() => EventUtility.ValidateSignature(Body, forged, Secret));
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_IsRefused()
    {
        var header = Sign.Stripe(Secret, T, Body);

        Verifier(Secret).Verify(Of(Body.Replace("evt_1", "evt_2", StringComparison.Ordinal), ("Stripe-Signature", header)), Now).ShouldBe(WebhookRejection.SignatureMismatch);
    }

    [Fact]
    public void Verify_DuringRotation_AcceptsEitherSecretAndAnyOfSeveralV1()
    {
        var byOld = Sign.Stripe(OldSecret, T, Body);
        var both = $"{byOld},v1={Sign.HexSha256(Secret, $"{T}.{Body}")}";

        Verifier(Secret, OldSecret).Verify(Of(Body, ("Stripe-Signature", byOld)), Now).ShouldBeNull();
        Verifier(Secret).Verify(Of(Body, ("Stripe-Signature", both)), Now).ShouldBeNull();
        Verifier(Secret).Verify(Of(Body, ("Stripe-Signature", byOld)), Now).ShouldBe(WebhookRejection.SignatureMismatch);
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Verify_TimestampOffset_IsAcceptedOnlyWithinToleranceBothWays(int offsetSeconds, bool accepted)
    {
        var header = Sign.Stripe(Secret, T + offsetSeconds, Body);

        var result = Verifier(Secret).Verify(Of(Body, ("Stripe-Signature", header)), Now);

        if (accepted)
        {
            result.ShouldBeNull();
        }
        else
        {
            result.ShouldBe(WebhookRejection.StaleTimestamp);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("garbage")]
    [InlineData("=")]
    [InlineData(",,,")]
    [InlineData("t=,v1=")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=-5,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1800000000")]
    [InlineData("t=1800000000,v0=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1800000000,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1800000000,v1=000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1800000000,t=1800000000,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=99999999999999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    public void Verify_MalformedHeader_IsRefusedWithoutThrowing(string header)
    {
        var result = Verifier(Secret).Verify(Of(Body, ("Stripe-Signature", header)), Now);

        result.ShouldNotBeNull();
        result.StatusCode.ShouldBeOneOf(400, 401);
    }

    [Fact]
    public void Verify_TooManySignaturesOrHugeHeader_IsRefusedWithoutThrowing()
    {
        var many = $"t={T}" + string.Concat(Enumerable.Repeat(",v1=" + new string('0', 64), 17));
        var huge = $"t={T},v1=" + new string('a', 100_000);

        Verifier(Secret).Verify(Of(Body, ("Stripe-Signature", many)), Now).ShouldBe(WebhookRejection.MalformedSignature);
        Verifier(Secret).Verify(Of(Body, ("Stripe-Signature", huge)), Now).ShouldBe(WebhookRejection.MalformedSignature);
        Verifier(Secret).Verify(Of(Body), Now).ShouldBe(WebhookRejection.MissingSignature);
    }

    [Theory]
    [InlineData("garbage,{0}")]
    [InlineData("{0},=,,foo=bar")]
    [InlineData("v1=zz00,{0}")]
    [InlineData("v1=0123,{0},v0=abc")]
    [InlineData("t=abc,{0}")]
    public void Verify_MalformedPartBesideAValidV1_IsSkippedAndTheDeliveryAccepted(string template)
    {
        var header = string.Format(CultureInfo.InvariantCulture, template, Sign.Stripe(Secret, T, Body));

        Verifier(Secret).Verify(Of(Body, ("Stripe-Signature", header)), Now).ShouldBeNull();
    }

    [Theory]
    [InlineData("garbage,foo=bar", "missing_timestamp")]
    [InlineData("t=abc,v1=zz", "malformed_timestamp")]
    [InlineData("t=1800000000,garbage,v1=zz,v1=0123", "malformed_signature")]
    [InlineData("t=1800000000,garbage,v1=0000000000000000000000000000000000000000000000000000000000000000", "signature_mismatch")]
    public void Verify_OnlyMalformedParts_IsRefusedWithTheReasonForWhatIsMissing(string header, string code)
    {
        var result = Should.NotThrow(() => Verifier(Secret).Verify(Of(Body, ("Stripe-Signature", header)), Now));

        result.ShouldNotBeNull().Code.ShouldBe(code);
    }

    [Fact]
    public void Rejections_NeverContainTheSecretOrTheExpectedSignature()
    {
        var expected = Sign.HexSha256(Secret, $"{T}.{Body}");
        var result = Verifier(Secret).Verify(Of(Body, ("Stripe-Signature", $"t={T},v1={new string('0', 64)}")), Now)!;

        result.Reason.ShouldNotContain(Secret);
        result.Reason.ShouldNotContain(expected);
        result.Code.ShouldBe("signature_mismatch");
    }
}
