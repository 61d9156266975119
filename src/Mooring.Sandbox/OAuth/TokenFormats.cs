using System.Security.Cryptography;

namespace Mooring.Sandbox.OAuth;

/// <summary>Each provider's token look (prefixes as the real services issue them), so log scrubbers and parsers meet real shapes.</summary>
internal static class TokenFormats
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New(string provider, TokenKind kind) => (provider, kind) switch
    {
        // Token rotation is on for the emulated Slack app, and rotating tokens carry the xoxe. prefix.
        (SandboxProvider.Slack, TokenKind.Access) => "xoxe.xoxb-1-" + Random(60),
        (SandboxProvider.Slack, TokenKind.UserAccess) => "xoxe.xoxp-1-" + Random(60),
        (SandboxProvider.Slack, TokenKind.Refresh) => "xoxe-1-" + Random(60),
        (SandboxProvider.GitHub, TokenKind.Refresh) => "ghr_" + Random(76),
        (SandboxProvider.GitHub, _) => "gho_" + Random(36),
        (SandboxProvider.Google, TokenKind.Refresh) => "1//0" + Random(60),
        (SandboxProvider.Google, _) => "ya29." + Random(100),
        (SandboxProvider.Stripe, TokenKind.Refresh) => "rt_" + Random(40),
        (SandboxProvider.Stripe, _) => "sk_test_" + Random(40),
        (_, TokenKind.Refresh) => "rt." + Random(43),
        _ => "at." + Random(43),
    };

    public static string Code(string provider) => provider switch
    {
        SandboxProvider.Google => "4/0" + Random(60),
        SandboxProvider.Stripe => "ac_" + Random(32),
        SandboxProvider.GitHub => Random(20).ToLowerInvariant(),
        _ => Random(40),
    };

    public static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    private static string Digits(int length) => RandomNumberGenerator.GetString("0123456789", length);
}
