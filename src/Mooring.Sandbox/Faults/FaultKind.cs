namespace Mooring.Sandbox.Faults;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>Answer with <see cref="FaultRule.StatusCode"/> and the provider's own error body.</summary>
    Status,

    /// <summary>Wait <see cref="FaultRule.Latency"/> on the sandbox clock, then answer normally.</summary>
    Latency,

    /// <summary>Never answer: the request hangs until the client gives up (a timeout).</summary>
    Hang,

    /// <summary>Drop the connection without a response.</summary>
    Abort,

    /// <summary>
    /// Answer as the provider does when its rate limit is exceeded (429 or 403 with its headers; GitHub's secondary
    /// limit), with <see cref="FaultRule.RetryAfter"/>, or without Retry-After when that is <see langword="null"/>.
    /// </summary>
    RateLimit,

    /// <summary>
    /// Send the status, the headers (with the whole body's <c>Content-Length</c>) and half of the body, then nothing more:
    /// the answer never completes, and the client's timeout is what ends it.
    /// </summary>
    StallBody,

    /// <summary>
    /// Send the status, the headers (with the whole body's <c>Content-Length</c>) and half of the body, then close the
    /// connection: the body ends before its length.
    /// </summary>
    TruncateBody,

    /// <summary>Revoke the grant of the presented token, then let the request through: the provider answers as for a revoked token.</summary>
    RevokeToken,
}
