namespace Mooring.Outbound.Pipeline;

/// <summary>
/// Buffers an answer's body of unknown length (chunked, no <c>Content-Length</c>) when it turns out small, without
/// losing a large one: reads at most <c>limit + 1</c> bytes; if the body ended within the limit, the answer's content
/// becomes those bytes, else a content that gives back the bytes read and then the rest of the stream, as the caller
/// would have read it. Either way the content's headers are kept.
/// </summary>
internal static class BodyPeek
{
    /// <summary>
    /// Whether the body of <paramref name="response"/> is at most <paramref name="limit"/> bytes; if so it is buffered
    /// (read it again with <see cref="HttpContent.ReadAsByteArrayAsync()"/>), else left to stream, unharmed.
    /// </summary>
    /// <exception cref="HttpRequestException">The body could not be read (the connection failed while it came).</exception>
    public static async ValueTask<bool> TryBufferSmallAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var head = new byte[limit + 1];
        var read = 0;
        try
        {
            int n;
            while (read < head.Length && (n = await stream.ReadAsync(head.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
            {
                read += n;
            }
        }
        catch (IOException ex)
        {
            // As HttpContent reports a body cut off while it buffers: a network failure, classified and retried as one.
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The answer's body ended before it was complete.", ex);
        }

        var small = read <= limit;
        HttpContent replacement = small ? new ByteArrayContent(head, 0, read) : new StreamContent(new PrefixedStream(head, stream, original));
        foreach (var header in original.Headers)
        {
            replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (small)
        {
            replacement.Headers.ContentLength = read;
            original.Dispose();
        }

        response.Content = replacement;
        return small;
    }

    /// <summary>A read-only stream of the bytes already read, then the rest of the original stream; disposes the original content.</summary>
    private sealed class PrefixedStream(byte[] head, Stream rest, HttpContent owner) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position < head.Length)
            {
                return TakeHead(buffer);
            }

            return rest.Read(buffer);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _position < head.Length ? ValueTask.FromResult(TakeHead(buffer.Span)) : rest.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
                owner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int TakeHead(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, head.Length - _position);
            head.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
    }
}
