namespace Mooring.AspNetCore.Webhooks;

internal static class WebhookDefaults
{
    /// <summary>The connection metadata key holding the provider-side account, when the provider has no usual one.</summary>
    public const string AccountMetadataKey = "webhook_account";

    /// <summary>The usual keys: what the OAuth and connection flows record for each built-in provider.</summary>
    public static readonly IReadOnlyDictionary<string, string> AccountMetadataKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["slack"] = "team_id",
        ["stripe"] = "account_id",
        ["github"] = "installation_id",
    };

    public const string ForwardingHttpClientName = "Mooring.Webhooks.Forwarding";
}
