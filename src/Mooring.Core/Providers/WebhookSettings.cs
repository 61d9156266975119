namespace Mooring.Providers;

/// <summary>
/// How incoming webhooks are verified and read. Locations are a JSON pointer into the body (<c>/event_id</c>)
/// or a header as <c>header:Name</c> (<c>header:X-GitHub-Delivery</c>).
/// </summary>
public sealed record WebhookSettings
{
    /// <summary>The signature scheme.</summary>
    /// <value>The default value is <see cref="WebhookSignatureScheme.None"/>.</value>
    public WebhookSignatureScheme Scheme { get; init; } = WebhookSignatureScheme.None;

    /// <summary>The header with the signature (or channel token).</summary>
    public string? SignatureHeader { get; init; }

    /// <summary>The header with the signing timestamp, where it is separate from the signature.</summary>
    public string? TimestampHeader { get; init; }

    /// <summary>How far a signed timestamp may be from now (JSON <c>toleranceSeconds</c>); older or newer deliveries are rejected.</summary>
    /// <value>The default value is 300 seconds.</value>
    [System.Text.Json.Serialization.JsonPropertyName("toleranceSeconds")]
    public TimeSpan Tolerance { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Where the delivery's unique id is, the key of de-duplication.</summary>
    public string? EventId { get; init; }

    /// <summary>Where the event type is.</summary>
    public string? EventType { get; init; }

    /// <summary>Where the account, workspace or installation the event belongs to is, to find the connection.</summary>
    public string? AccountReference { get; init; }
}
