using System.Net;
using System.Text;

namespace Mooring.Core.Tests.Providers;

/// <summary>Answers HTTP requests by absolute URL, standing in for a provider's server at the HTTP boundary.</summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Body)> _responses = new(StringComparer.Ordinal);

    public List<Uri> Requests { get; } = [];

    public StubHttpHandler Json(string url, string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _responses[url] = (status, body);
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!;
        lock (Requests)
        {
            Requests.Add(url);
        }

        var (status, body) = _responses.TryGetValue(url.AbsoluteUri, out var found) ? found : (HttpStatusCode.NotFound, "{}");
        return Task.FromResult(new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        });
    }
}
