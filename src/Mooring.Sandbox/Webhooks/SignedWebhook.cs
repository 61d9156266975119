namespace Mooring.Sandbox.Webhooks;

/// <summary>A webhook ready to send: the body and the headers that sign it.</summary>
/// <param name="Message">The message.</param>
/// <param name="Headers">The headers, signature included.</param>
public sealed record SignedWebhook(WebhookMessage Message, IReadOnlyList<KeyValuePair<string, string>> Headers);
