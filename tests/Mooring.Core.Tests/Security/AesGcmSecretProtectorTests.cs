using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Mooring.Security;

namespace Mooring.Core.Tests.Security;

public sealed class AesGcmSecretProtectorTests
{
    private static readonly string Key1 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string Key2 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static AesGcmSecretProtector Create(string? active = null, params (string Id, string Key)[] keys)
    {
        var options = new EncryptionOptions { ActiveKeyId = active };
        foreach (var (id, key) in keys.Length == 0 ? [("k1", Key1)] : keys)
        {
            options.Keys[id] = key;
        }

        return new AesGcmSecretProtector(Options.Create(options));
    }

    [Fact]
    public void Protect_ThenUnprotect_RoundTripsUnderTheActiveKey()
    {
        var protector = Create("k2", ("k1", Key1), ("k2", Key2));

        var secret = protector.Protect("xoxb-token"u8, "connection:a");

        secret.KeyId.ShouldBe("k2");
        Encoding.UTF8.GetString(protector.Unprotect(secret, "connection:a")).ShouldBe("xoxb-token");
        secret.Ciphertext.Length.ShouldBe(1 + 12 + 16 + "xoxb-token".Length);
    }

    [Fact]
    public void Protect_SameValueTwice_GivesDifferentCiphertexts()
    {
        var protector = Create();

        var a = protector.Protect("same"u8, "ctx");
        var b = protector.Protect("same"u8, "ctx");

        a.Ciphertext.ShouldNotBe(b.Ciphertext);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(35)]
    public void Unprotect_AnyFlippedByte_FailsWithClearError(int index)
    {
        var protector = Create();
        var secret = protector.Protect("sk_live_abcdefgh"u8, "connection:a");
        var tampered = (byte[])secret.Ciphertext.Clone();
        tampered[index] ^= 0x01;

        var error = Should.Throw<SecretProtectionException>(() => protector.Unprotect(secret with { Ciphertext = tampered }, "connection:a"));

        error.Message.ShouldContain("connection:a");
        error.Message.ShouldNotContain("sk_live");
    }

    [Fact]
    public void Unprotect_Truncated_FailsWithClearError()
    {
        var protector = Create();

        Should.Throw<SecretProtectionException>(() => protector.Unprotect(new ProtectedSecret("k1", [1, 2, 3]), "c"))
            .Message.ShouldContain("truncated or corrupted");
    }

    [Fact]
    public void Unprotect_WithAnotherContext_Fails()
    {
        var protector = Create();
        var secret = protector.Protect("token"u8, "connection:a");

        Should.Throw<SecretProtectionException>(() => protector.Unprotect(secret, "connection:b")).Message.ShouldContain("copied from another record");
    }

    [Fact]
    public void Unprotect_KeyIdRelabelled_Fails()
    {
        var protector = Create("k1", ("k1", Key1), ("k2", Key1)); // same bytes, different id: the id is authenticated too
        var secret = protector.Protect("token"u8, "c");

        Should.Throw<SecretProtectionException>(() => protector.Unprotect(secret with { KeyId = "k2" }, "c"));
    }

    [Fact]
    public void Unprotect_UnknownKeyId_NamesTheKey()
    {
        var protector = Create();

        Should.Throw<SecretProtectionException>(() => protector.Unprotect(new ProtectedSecret("gone", new byte[40]), "c"))
            .Message.ShouldContain("key 'gone', which is not configured");
    }
}
