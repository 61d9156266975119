namespace Mooring.Webhooks;

internal static class WebhookConstants
{
    /// <summary>Headers longer than this are refused before they are parsed.</summary>
    public const int MaxSignatureHeaderLength = 8192;

    /// <summary>A header may carry at most this many signatures (rotation needs two or three).</summary>
    public const int MaxSignatures = 16;

    public const string StandardWebhooksSecretPrefix = "whsec_";

    public const string MeterName = "Mooring.Webhooks";

    public const string ActivitySourceName = "Mooring.Webhooks";
}
