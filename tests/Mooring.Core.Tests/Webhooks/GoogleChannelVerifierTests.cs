using Mooring.Connections;
using Mooring.Providers;
using Mooring.Storage;
using Mooring.Webhooks;
using Mooring.Webhooks.Verifiers;
using static Mooring.Core.Tests.Webhooks.Requests;

namespace Mooring.Core.Tests.Webhooks;

/// <summary>Google push channels: the channel id must name a registered channel, and the token must be that channel's.</summary>
public sealed class GoogleChannelVerifierTests
{
    private const string Shared = "shared-channel-token";
    private const string Own = "own-channel-token-0123";

    private static readonly WebhookSettings Settings = new()
    {
        Scheme = WebhookSignatureScheme.GoogleChannelToken, SignatureHeader = "X-Goog-Channel-Token", EventId = "header:X-Goog-Message-Number",
        EventType = "header:X-Goog-Resource-State", AccountReference = "header:X-Goog-Channel-ID",
    };

    private static readonly IWebhookVerifier Verifier = WebhookVerifierFactory.Create(Settings, [Shared]);

    private static WebhookChannelRecord Channel(string id, string? token) => new()
    {
        Provider = ProviderKey.Parse("google-calendar"), ChannelId = id, TokenHash = token is null ? null : GoogleChannelVerifier.HashToken(token),
        ConnectionId = ConnectionId.Parse("cal-1"), ExpiresAt = Now.AddHours(1),
    };

    private static WebhookRequest Notification(string? channelId, string? token, WebhookChannelRecord? channel)
    {
        var headers = new List<(string, string)> { ("X-Goog-Message-Number", "7"), ("X-Goog-Resource-State", "exists") };
        headers.AddRange(channelId is null ? [] : [("X-Goog-Channel-ID", channelId)]);
        headers.AddRange(token is null ? [] : [("X-Goog-Channel-Token", token)]);
        return Of(string.Empty, [.. headers]) with { Channel = channel };
    }

    [Fact]
    public void Verify_ChannelWithItsOwnToken_AcceptsThatTokenOnly()
    {
        var channel = Channel("ch-own", Own);

        Verifier.Verify(Notification("ch-own", Own, channel), Now).ShouldBeNull();
        Verifier.Verify(Notification("ch-own", Shared, channel), Now).ShouldBe(WebhookRejection.SignatureMismatch);
        Verifier.Verify(Notification("ch-own", Own + "x", channel), Now).ShouldBe(WebhookRejection.SignatureMismatch);
    }

    [Fact]
    public void Verify_ChannelWithoutAToken_AcceptsTheSharedTokens()
    {
        var channel = Channel("ch-shared", null);

        Verifier.Verify(Notification("ch-shared", Shared, channel), Now).ShouldBeNull();
        Verifier.Verify(Notification("ch-shared", Own, channel), Now).ShouldBe(WebhookRejection.SignatureMismatch);
    }

    [Fact]
    public void Verify_UnknownOrOtherChannel_IsUnknownChannelWhateverTheToken()
    {
        Verifier.Verify(Notification("ch-nobody", Shared, null), Now).ShouldBe(WebhookRejection.UnknownChannel);
        Verifier.Verify(Notification("ch-nobody", Shared, Channel("ch-other", null)), Now).ShouldBe(WebhookRejection.UnknownChannel);
    }

    [Fact]
    public void Verify_ExpiredChannel_IsRefusedAndOnlyTheRightTokenLearnsWhy()
    {
        var channel = Channel("ch-old", Own);

        Verifier.Verify(Notification("ch-old", Own, channel), channel.ExpiresAt).ShouldBe(WebhookRejection.ChannelExpired);
        Verifier.Verify(Notification("ch-old", Shared, channel), channel.ExpiresAt).ShouldBe(WebhookRejection.SignatureMismatch);
    }

    [Fact]
    public void Verify_MissingHeaders_AreRefusedBeforeAnyLookup()
    {
        Verifier.Verify(Notification(null, Own, null), Now).ShouldBe(WebhookRejection.MissingChannel);
        Verifier.Verify(Notification("ch-own", null, Channel("ch-own", Own)), Now).ShouldBe(WebhookRejection.MissingSignature);
    }

    [Fact]
    public void Read_SyncMessage_IsAHandshakeNotAnEvent()
    {
        var reader = new WebhookEventReader(ProviderKey.Parse("google-calendar"), Settings);
        var sync = Of(string.Empty, ("X-Goog-Channel-ID", "ch-own"), ("X-Goog-Message-Number", "1"), ("X-Goog-Resource-State", "sync"));

        var result = reader.Read(sync, Now, null, null);

        result.Event.ShouldBeNull();
        result.Handshake.ShouldNotBeNull().Kind.ShouldBe("sync");
    }
}
