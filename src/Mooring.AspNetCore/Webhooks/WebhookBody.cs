using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>Reads the raw request body, byte for byte, up to a limit.</summary>
internal static class WebhookBody
{
    /// <summary>The body, or <see langword="null"/> when it is larger than <paramref name="limit"/> (nothing more is read then).</summary>
    public static async ValueTask<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            if (length > limit)
            {
                return null;
            }

            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }
}
