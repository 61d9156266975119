namespace Mooring.Webhooks;

/// <summary>
/// Why a delivery was refused: an HTTP status, a stable code for metrics and a reason for the sender. Neither ever
/// contains a secret or the signature that was expected.
/// </summary>
internal sealed record WebhookRejection(int StatusCode, string Code, string Reason)
{
    public static readonly WebhookRejection MissingSignature = new(401, "missing_signature", "The signature header is missing.");
    public static readonly WebhookRejection MalformedSignature = new(400, "malformed_signature", "The signature header is malformed.");
    public static readonly WebhookRejection MissingTimestamp = new(400, "missing_timestamp", "The timestamp is missing.");
    public static readonly WebhookRejection MalformedTimestamp = new(400, "malformed_timestamp", "The timestamp is not a Unix time in seconds.");
    public static readonly WebhookRejection StaleTimestamp = new(401, "timestamp_outside_tolerance", "The signed timestamp is too far from the current time.");
    public static readonly WebhookRejection SignatureMismatch = new(401, "signature_mismatch", "No signature matches any configured secret.");
    public static readonly WebhookRejection MissingId = new(400, "missing_message_id", "The message id header is missing.");
    public static readonly WebhookRejection MissingChannel = new(400, "missing_channel", "The channel id header is missing.");
    public static readonly WebhookRejection UnknownChannel = new(401, "unknown_channel", "The channel id names no channel registered here.");
    public static readonly WebhookRejection ChannelExpired = new(401, "channel_expired", "The channel has expired.");
    public static readonly WebhookRejection MissingEventId = new(400, "missing_event_id", "The delivery carries no event id.");
    public static readonly WebhookRejection MalformedBody = new(400, "malformed_body", "The body is not the JSON the provider sends.");
    public static readonly WebhookRejection UnsupportedContentType = new(415, "unsupported_content_type", "The body is form-encoded; only the provider's JSON deliveries are accepted.");
    public static readonly WebhookRejection TooLarge = new(413, "body_too_large", "The body is larger than the configured limit.");
    public static readonly WebhookRejection UnknownProvider = new(404, "unknown_provider", "No webhook endpoint is configured for this provider.");

    /// <summary>The optional connection path segment (<c>/webhooks/{provider}/{connection}</c>) names no connection of the provider; <paramref name="reason"/> says why.</summary>
    public static WebhookRejection UnknownConnection(string reason) => new(404, "unknown_connection", reason);
}
