using Microsoft.Extensions.Options;

namespace Mooring.Sync.Tests.PushChannels;

/// <summary>Push channel settings that cannot work stop the start, naming the setting.</summary>
public sealed class PushChannelOptionsTests
{
    [Fact]
    public async Task Start_BadPushChannelSettings_FailsNamingEachSetting()
    {
        var start = PushChannelHost.StartAsync(new()
        {
            ["Mooring:Webhooks:PushChannels:DefaultTtl"] = "00:00:10",
            ["Mooring:Webhooks:PushChannels:RenewInterval"] = "-00:00:01",
            ["Mooring:Webhooks:PushChannels:RenewBefore"] = "00:00:00",
        });

        var error = await Should.ThrowAsync<OptionsValidationException>(start);

        error.Message.ShouldContain("Mooring:Webhooks:PushChannels:DefaultTtl must be between 60 seconds");
        error.Message.ShouldContain("Mooring:Webhooks:PushChannels:RenewInterval");
        error.Message.ShouldContain("Mooring:Webhooks:PushChannels:RenewBefore");
    }
}
