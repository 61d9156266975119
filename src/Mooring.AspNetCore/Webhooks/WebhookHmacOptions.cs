namespace Mooring.Webhooks;

/// <summary>The generic HMAC scheme: <c>{Prefix}{encoding of HMAC(secret, [timestamp "."] body)}</c> in the signature header.</summary>
public sealed class WebhookHmacOptions
{
    /// <summary>The hash: <c>sha1</c>, <c>sha256</c> or <c>sha512</c>.</summary>
    /// <value>The default value is <c>sha256</c>.</value>
    public string Algorithm { get; set; } = "sha256";

    /// <summary>How the signature is written: <c>hex</c> or <c>base64</c>.</summary>
    /// <value>The default value is <c>hex</c>.</value>
    public string Encoding { get; set; } = "hex";

    /// <summary>Text before the encoded signature, such as <c>sha256=</c>.</summary>
    /// <value>The default value is empty.</value>
    public string Prefix { get; set; } = string.Empty;
}
