using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mooring.AspNetCore.Proxy;

/// <summary>The caller's request body, buffered so that the pipeline can send it again on a retry.</summary>
internal readonly record struct ProxyBody(HttpContent? Content, bool TooLarge)
{
    public static async Task<ProxyBody> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        // The server knows whether a body can follow: over HTTP/2 and HTTP/3 a streamed body has neither a length nor
        // Transfer-Encoding, so the headers alone cannot tell.
        var canHaveBody = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? (request.ContentLength is not null || request.Headers.TransferEncoding.Count > 0);
        if (request.ContentLength is 0 || !canHaveBody)
        {
            return default;
        }

        if (request.ContentLength > limit)
        {
            return new ProxyBody(null, TooLarge: true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return new ProxyBody(null, TooLarge: true);
            }

            buffer.Write(chunk, 0, read);
        }

        return new ProxyBody(new ByteArrayContent(buffer.ToArray()), TooLarge: false);
    }
}
