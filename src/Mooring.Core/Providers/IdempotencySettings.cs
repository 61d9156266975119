namespace Mooring.Providers;

/// <summary>How a provider de-duplicates retried writes.</summary>
public sealed record IdempotencySettings
{
    /// <summary>The header that carries the idempotency key.</summary>
    /// <value>The default value is <c>Idempotency-Key</c>.</value>
    public string Header { get; init; } = "Idempotency-Key";

    /// <summary>The methods the key is sent with; only these are retried after a failure with no answer.</summary>
    /// <value>The default value is [POST].</value>
    public IReadOnlyList<string> Methods { get; init; } = ["POST"];

    /// <summary>The longest key accepted.</summary>
    public int? MaxKeyLength { get; init; }

    /// <summary>How long the provider remembers a key (JSON <c>retentionSeconds</c>).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("retentionSeconds")]
    public TimeSpan? Retention { get; init; }
}
