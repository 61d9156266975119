using System.Runtime.CompilerServices;
using Mooring.Connections;
using Mooring.Outbound;

namespace Mooring.Providers.Slack;

/// <summary>
/// Slack's Web API for a connection, through Mooring's outbound pipeline. Slack answers errors with HTTP 200 and
/// <c>ok:false</c>; they are thrown as <see cref="ProviderApiException"/> like any other.
/// </summary>
public sealed class SlackClient
{
    private readonly IProviderApi _api;

    /// <summary>Creates the client over <paramref name="api"/>.</summary>
    public SlackClient(IProviderApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
    }

    /// <summary>Posts <paramref name="text"/> to <paramref name="channel"/> (an id such as <c>C0123</c> or a name such as <c>#general</c>) with <c>chat.postMessage</c>.</summary>
    /// <remarks>A POST without an idempotency key: it is never sent twice, so a failure without an answer is not retried.</remarks>
    /// <exception cref="ProviderApiException">Slack refused (<c>channel_not_found</c>, <c>not_in_channel</c>, …) or failed.</exception>
    public async Task<SlackMessage> PostMessageAsync(ConnectionId connectionId, string channel, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(text);
        // Form-encoded, the encoding every Web API method accepts (JSON bodies are accepted by write methods only).
        var body = new FormUrlEncodedContent([new("channel", channel), new("text", text)]);
        var request = new ProviderRequest(HttpMethod.Post, "chat.postMessage") { Operation = "chat.postMessage", Content = body };
        using var answer = await _api.SendAsync(connectionId, request, cancellationToken).ConfigureAwait(false);
        var root = answer.RootElement;
        return new SlackMessage(root.GetProperty("channel").GetString()!, root.GetProperty("ts").GetString()!);
    }

    /// <summary>The channels the app can see, every page of <c>conversations.list</c> (archived ones left out).</summary>
    /// <exception cref="ProviderApiException">Slack refused or failed a page.</exception>
    public async IAsyncEnumerable<SlackChannel> ListChannelsAsync(ConnectionId connectionId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ProviderRequest(HttpMethod.Get, "conversations.list")
        {
            Operation = "conversations.list",
            Query = [new("exclude_archived", "true"), new("types", "public_channel,private_channel")],
            Items = "/channels",
        };
        await foreach (var channel in _api.ListAsync(connectionId, request, cancellationToken).ConfigureAwait(false))
        {
            yield return new SlackChannel(
                channel.GetProperty("id").GetString()!,
                channel.GetProperty("name").GetString()!,
                channel.TryGetProperty("is_private", out var p) && p.GetBoolean(),
                channel.TryGetProperty("is_member", out var m) && m.GetBoolean());
        }
    }
}
