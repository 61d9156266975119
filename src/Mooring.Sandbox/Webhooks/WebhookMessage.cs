namespace Mooring.Sandbox.Webhooks;

/// <summary>One webhook to deliver.</summary>
/// <param name="Id">The delivery or event id (GitHub's X-GitHub-Delivery, Standard Webhooks' webhook-id); it stays the same on a duplicate.</param>
/// <param name="EventType">The event type (GitHub's X-GitHub-Event, for example <c>issues</c>); ignored by other schemes.</param>
/// <param name="Body">The exact body, signed byte for byte.</param>
public sealed record WebhookMessage(string Id, string EventType, string Body);
