namespace Mooring.Server.Tests.Cli;

/// <summary>Each bad start ends with one line that names the problem and the fix, and a non-zero exit code.</summary>
public sealed class StartupErrorTests
{
    [Fact]
    public async Task Serve_ProductionWithoutEncryptionKey_FailsNamingTheSetting()
    {
        var run = await CliRun.RunAsync("serve", $"--Mooring:DataDirectory={TestData.NewDataDirectory()}", $"--Mooring:ManagementApiKeys:0={TestData.ManagementKey}");

        run.ExitCode.ShouldBe(2);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("Mooring:Encryption:Keys");
        run.Error.ShouldContain("mooring keys generate");
    }

    [Fact]
    public async Task Serve_ProductionWithoutManagementKey_FailsNamingTheSetting()
    {
        var run = await CliRun.RunAsync("serve", $"--Mooring:DataDirectory={TestData.NewDataDirectory()}", $"--Mooring:Encryption:Keys:k1={TestData.NewKey()}");

        run.ExitCode.ShouldBe(2);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("Mooring:ManagementApiKeys");
    }

    [Fact]
    public async Task Serve_KeyThatIsNotBase64Of32Bytes_FailsNamingTheKey()
    {
        var run = await CliRun.RunAsync(TestData.Production(TestData.NewDataDirectory(), new Dictionary<string, string> { ["k1"] = "too-short" }).Prepend("serve").ToArray());

        run.ExitCode.ShouldBe(2);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("Mooring:Encryption:Keys:k1 is not 32 bytes in base64");
    }

    [Fact]
    public async Task Serve_UnknownMode_FailsNamingTheSetting()
    {
        var run = await CliRun.RunAsync("serve", "--Mooring:Mode=Staging");

        run.ExitCode.ShouldBe(2);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("'Staging' at 'Mooring:Mode'");
    }

    [Theory]
    [InlineData("WebhookEvents=06:00:00", "Mooring:Retention:WebhookEvents is 06:00:00; use at least 1.00:00:00 (1 day)")]
    [InlineData("Interval=3.00:00:00", "Mooring:Retention:Interval is 3.00:00:00; use a positive time up to 1.00:00:00")]
    [InlineData("BatchSize=50000", "Mooring:Retention:BatchSize is 50000; use 1 to 10000")]
    public async Task Serve_RetentionSettingThatCannotWork_FailsNamingTheSetting(string setting, string message)
    {
        var run = await CliRun.RunAsync("serve", "--sandbox", $"--Mooring:DataDirectory={TestData.NewDataDirectory()}", "--Mooring:Retention:" + setting);

        run.ExitCode.ShouldBe(2);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain(message);
    }

    [Fact]
    public async Task Serve_UnknownStorageProvider_FailsNamingTheChoices()
    {
        var run = await CliRun.RunAsync("serve", "--sandbox", $"--Mooring:DataDirectory={TestData.NewDataDirectory()}", "--Mooring:StorageProvider=mysql");

        run.ExitCode.ShouldBe(2);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("Mooring:StorageProvider is 'mysql'; use 'sqlite' (the default) or 'postgres'");
    }

    [Fact]
    public async Task Serve_UnreachablePostgres_FailsNamingTheConnectionString()
    {
        var run = await CliRun.RunAsync(
            "serve", "--sandbox", $"--Mooring:DataDirectory={TestData.NewDataDirectory()}", "--Mooring:StorageProvider=postgres",
            "--Mooring:Storage:Postgres:ConnectionString=Host=127.0.0.1;Port=1;Database=nowhere;Timeout=5");

        run.ExitCode.ShouldBe(3);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("Cannot connect to the PostgreSQL database 'nowhere' on 127.0.0.1:1");
        run.Error.ShouldContain("Mooring:Storage:Postgres:ConnectionString");
    }

    [Fact]
    public async Task Serve_DataDirectoryThatCannotBeCreated_FailsNamingIt()
    {
        var file = Path.Combine(TestData.NewDataDirectory(), "a-file");
        await File.WriteAllTextAsync(file, "not a folder", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync(TestData.Production(Path.Combine(file, "data"), new Dictionary<string, string> { ["k1"] = TestData.NewKey() }).Prepend("serve").ToArray());

        run.ExitCode.ShouldBe(3);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("Mooring:DataDirectory");
        run.Error.ShouldContain(file);
    }

    [Fact]
    public async Task Serve_WrongKeyForExistingData_FailsAndLeavesTheDataReadableWithTheRightKey()
    {
        var data = TestData.NewDataDirectory();
        var right = new Dictionary<string, string> { ["k1"] = TestData.NewKey() };
        (await CliRun.RunAsync(TestData.Production(data, right).Prepend("migrate").ToArray())).ExitCode.ShouldBe(0);
        var before = await File.ReadAllBytesAsync(Path.Combine(data, "mooring.db"), TestContext.Current.CancellationToken);

        var wrong = await CliRun.RunAsync(TestData.Production(data, new Dictionary<string, string> { ["k1"] = TestData.NewKey() }).Prepend("serve").ToArray());

        wrong.ExitCode.ShouldBe(4);
        wrong.ErrorLines.ShouldHaveSingleItem().ShouldContain("'k1' is not the key that was used under that id before");
        (await CliRun.RunAsync(TestData.Production(data, right).Prepend("migrate").ToArray())).ExitCode.ShouldBe(0);
        before.Length.ShouldBeGreaterThan(0);
    }
}
