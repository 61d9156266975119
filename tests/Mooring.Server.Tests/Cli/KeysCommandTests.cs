using Microsoft.Extensions.DependencyInjection;
using Mooring.Connections;
using Mooring.Server.Hosting;

namespace Mooring.Server.Tests.Cli;

public sealed class KeysCommandTests
{
    [Fact]
    public async Task Generate_PrintsAValidKeyAndApiKey()
    {
        var run = await CliRun.RunAsync("keys", "generate");

        run.ExitCode.ShouldBe(0);
        var keyLine = run.Output.Split('\n').Single(l => l.StartsWith("Mooring__Encryption__Keys__", StringComparison.Ordinal));
        Convert.FromBase64String(keyLine[(keyLine.IndexOf('=') + 1)..].Trim()).Length.ShouldBe(32);
        run.Output.ShouldContain("Mooring__ManagementApiKeys__0=mk_");
    }

    [Fact]
    public async Task Rotate_ToNewActiveKey_ReencryptsAllSoTheOldKeyCanBeRemoved()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = TestData.NewDataDirectory();
        var oldKey = TestData.NewKey();
        var newKey = TestData.NewKey();
        using (var host = ServerHost.BuildCommandHost(TestData.Production(data, new Dictionary<string, string> { ["old"] = oldKey })))
        {
            await host.StartAsync(ct);
            var vault = host.Services.GetRequiredService<IConnectionVault>();
            for (var i = 0; i < 3; i++)
            {
                await vault.CreateAsync(new Connection { Id = ConnectionId.Parse("c" + i), Provider = ProviderKey.Parse("stripe"), AuthMode = AuthMode.ApiKey }, new ConnectionCredentials { ApiKey = "sk_test_" + i }, ct);
            }

            await host.StopAsync(ct);
        }

        var both = new Dictionary<string, string> { ["old"] = oldKey, ["new"] = newKey };
        var rotate = await CliRun.RunAsync(TestData.Production(data, both, active: "new").Prepend("rotate").Prepend("keys").ToArray());
        var onlyNew = TestData.Production(data, new Dictionary<string, string> { ["new"] = newKey });
        var status = await CliRun.RunAsync(onlyNew.Prepend("status").Prepend("keys").ToArray());

        rotate.ExitCode.ShouldBe(0, rotate.Error);
        rotate.Output.ShouldContain("Re-encrypted 3 secrets under key new");
        rotate.Output.ShouldContain("old keys can be removed");
        status.ExitCode.ShouldBe(0, status.Error);
        status.Output.ShouldContain("new");
        status.Output.ShouldNotContain("old");
        using var after = ServerHost.BuildCommandHost(onlyNew);
        await after.StartAsync(ct);
        var loaded = await after.Services.GetRequiredService<IConnectionVault>().GetAsync(ConnectionId.Parse("c2"), ct);
        loaded.ShouldNotBeNull().Credentials!.ApiKey.ShouldBe("sk_test_2");
    }
}
