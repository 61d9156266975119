using System.Buffers.Text;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Mooring.Connections;
using Mooring.Outbound;

namespace Mooring.Providers.Google;

/// <summary>Gmail for a connection (provider <c>google-mail</c>), through Mooring's outbound pipeline.</summary>
public sealed class GmailClient
{
    private readonly IProviderApi _api;
    private readonly TimeProvider _time;

    /// <summary>Creates the client over <paramref name="api"/>; <paramref name="time"/> dates the messages.</summary>
    public GmailClient(IProviderApi api, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(time);
        _api = api;
        _time = time;
    }

    /// <summary>Sends <paramref name="message"/> as the connected user (<c>users.messages.send</c> with the RFC 5322 message base64url-encoded in <c>raw</c>).</summary>
    /// <remarks>A POST without an idempotency key: it is never sent twice, so a failure without an answer is not retried.</remarks>
    /// <exception cref="ArgumentException">The message has no recipient, an address is malformed or a header value holds a line break.</exception>
    /// <exception cref="ProviderApiException">Gmail refused or failed.</exception>
    public async Task<SentEmail> SendEmailAsync(ConnectionId connectionId, EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var raw = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Rfc5322Message.Write(message, _time.GetUtcNow())));
        var request = new ProviderRequest(HttpMethod.Post, "users/me/messages/send")
        {
            Operation = "POST /users/{userId}/messages/send",
            Content = JsonContent.Create(new JsonObject { ["raw"] = raw }),
        };
        using var answer = await _api.SendAsync(connectionId, request, cancellationToken).ConfigureAwait(false);
        var root = answer.RootElement;
        return new SentEmail(root.GetProperty("id").GetString()!, root.GetProperty("threadId").GetString()!);
    }
}
