namespace Mooring.Sandbox.Webhooks;

/// <summary>The webhooks one provider has produced so far, in order; each registered endpoint keeps its own position in it.</summary>
internal sealed class WebhookFeed
{
    private readonly Lock _sync = new();
    private readonly List<WebhookMessage> _messages = [];

    public void Add(WebhookMessage message)
    {
        lock (_sync)
        {
            _messages.Add(message);
        }
    }

    public IReadOnlyList<WebhookMessage> From(int position)
    {
        lock (_sync)
        {
            return position >= _messages.Count ? [] : _messages.GetRange(position, _messages.Count - position);
        }
    }
}
