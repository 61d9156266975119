namespace Mooring.Webhooks;

/// <summary>A verified delivery that is a provider's handshake, not an event: answered 200 with this body, never stored.</summary>
/// <param name="Kind">What it is, as the metrics' reason tag: <c>url_verification</c> (Slack) or <c>sync</c> (Google channels).</param>
/// <param name="ContentType">The answer's content type.</param>
/// <param name="Body">The answer.</param>
internal sealed record WebhookHandshake(string Kind, string ContentType, string Body);
