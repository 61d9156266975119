using Mooring.Providers;
using Mooring.Webhooks;
using static Mooring.Core.Tests.Webhooks.Requests;

namespace Mooring.Core.Tests.Webhooks;

public sealed class SlackVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Body = """{"token":"x","team_id":"T1","event_id":"Ev1","event":{"type":"app_mention"},"type":"event_callback"}""";

    private static readonly WebhookSettings Settings = new()
    {
        Scheme = WebhookSignatureScheme.SlackV0, SignatureHeader = "X-Slack-Signature", TimestampHeader = "X-Slack-Request-Timestamp",
        EventId = "/event_id", EventType = "/event/type", AccountReference = "/team_id",
    };

    private static readonly IWebhookVerifier Verifier = WebhookVerifierFactory.Create(Settings, [Secret]);

    [Fact]
    public void Verify_V0SignatureOverTimestampAndBody_IsAccepted()
    {
        Verifier.Verify(Of(Body, ("X-Slack-Request-Timestamp", T.ToString()), ("X-Slack-Signature", Sign.Slack(Secret, T, Body))), Now).ShouldBeNull();
    }

    [Fact]
    public void Verify_SignatureReplayedWithAnotherTimestamp_IsRefused()
    {
        var signedEarlier = Sign.Slack(Secret, T - 10, Body);

        Verifier.Verify(Of(Body, ("X-Slack-Request-Timestamp", T.ToString()), ("X-Slack-Signature", signedEarlier)), Now).ShouldBe(WebhookRejection.SignatureMismatch);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_OutsideFiveMinutes_IsRefused(int offset)
    {
        var t = T + offset;

        Verifier.Verify(Of(Body, ("X-Slack-Request-Timestamp", t.ToString()), ("X-Slack-Signature", Sign.Slack(Secret, t, Body))), Now).ShouldBe(WebhookRejection.StaleTimestamp);
    }

    [Theory]
    [InlineData(null, "v0=00")]
    [InlineData("abc", "v0=00")]
    [InlineData("1800000000", null)]
    [InlineData("1800000000", "v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("1800000000", "v0=xyz")]
    public void Verify_MissingOrMalformedHeaders_AreRefused(string? timestamp, string? signature)
    {
        var headers = new List<(string, string)>();
        if (timestamp is not null)
        {
            headers.Add(("X-Slack-Request-Timestamp", timestamp));
        }

        if (signature is not null)
        {
            headers.Add(("X-Slack-Signature", signature));
        }

        Verifier.Verify(Of(Body, [.. headers]), Now)!.StatusCode.ShouldBeOneOf(400, 401);
    }

    [Fact]
    public void Read_UrlVerification_AnswersTheChallengeAndStoresNothing()
    {
        var reader = new WebhookEventReader(Mooring.Connections.ProviderKey.Parse("slack"), Settings);

        var result = reader.Read(Of("""{"token":"x","challenge":"3eZbrw1aB","type":"url_verification"}"""), Now, null, null);

        result.Handshake.ShouldNotBeNull().Body.ShouldBe("3eZbrw1aB");
        result.Event.ShouldBeNull();
    }
}
