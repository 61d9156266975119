using Microsoft.AspNetCore.Http;

namespace Mooring.AspNetCore.Proxy;

/// <summary>The caller's request body, buffered so that the pipeline can send it again on a retry.</summary>
internal readonly record struct ProxyBody(HttpContent? Content, bool TooLarge)
{
    public static async Task<ProxyBody> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
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
