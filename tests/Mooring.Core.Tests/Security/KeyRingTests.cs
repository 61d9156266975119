using System.Security.Cryptography;
using Mooring.Security;

namespace Mooring.Core.Tests.Security;

public sealed class KeyRingTests
{
    private static readonly string Good = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Validate_NoKeys_SaysHowToGetOne()
    {
        KeyRing.Validate(new EncryptionOptions(), out _).ShouldHaveSingleItem().ShouldContain("mooring keys generate");
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachNamingTheSetting()
    {
        var options = new EncryptionOptions { ActiveKeyId = "missing" };
        options.Keys["short"] = Convert.ToBase64String(new byte[16]);
        options.Keys["text"] = "not base64!";
        options.Keys["bad id!"] = Good;

        var errors = KeyRing.Validate(options, out var ring);

        ring.ShouldBeNull();
        errors.ShouldContain(e => e.Contains("Mooring:Encryption:Keys:short is not 32 bytes in base64 (got 16 bytes)"));
        errors.ShouldContain(e => e.Contains("Mooring:Encryption:Keys:text is not 32 bytes in base64 (got text that is not base64)"));
        errors.ShouldContain(e => e.Contains("Mooring:Encryption:Keys:bad id!: a key id must be"));
        errors.ShouldContain(e => e.Contains("Mooring:Encryption:ActiveKeyId is 'missing'"));
    }

    [Fact]
    public void Validate_TwoKeysWithoutActive_AsksToChoose()
    {
        var options = new EncryptionOptions();
        options.Keys["a"] = Good;
        options.Keys["b"] = Good;

        KeyRing.Validate(options, out _).ShouldHaveSingleItem().ShouldContain("ActiveKeyId is not set and 2 keys are configured");
    }

    [Fact]
    public void Validate_OneKeyWithoutActive_UsesIt()
    {
        var options = new EncryptionOptions();
        options.Keys["only"] = Good;

        KeyRing.Validate(options, out var ring).ShouldBeEmpty();
        ring!.ActiveKeyId.ShouldBe("only");
    }
}
