namespace Mooring.Sandbox.Webhooks;

/// <summary>What the receiver answered to one delivery.</summary>
/// <param name="MessageId">The message's id.</param>
/// <param name="StatusCode">The HTTP status, or 0 when the request failed without one.</param>
/// <param name="Duplicate">Whether this delivery repeated an earlier one.</param>
public sealed record WebhookDeliveryResult(string MessageId, int StatusCode, bool Duplicate);
