using Mooring.Connections;

namespace Mooring.Outbound;

/// <summary>
/// A call to a provider that failed, in words a person can act on: which provider and operation, the category, the
/// HTTP status, the provider's own error code and message, whether retrying can help and when.
/// </summary>
/// <remarks>The message never contains credentials or request bodies.</remarks>
public sealed class ProviderApiException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> is the sentence shown to people.</summary>
    public ProviderApiException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message; prefer the constructor that takes one.</summary>
    public ProviderApiException()
        : base("A call to a provider failed.")
    {
    }

    /// <summary>Creates the exception; <paramref name="message"/> is the sentence shown to people.</summary>
    public ProviderApiException(string message)
        : base(message)
    {
    }

    /// <summary>The provider called.</summary>
    public ProviderKey Provider { get; init; }

    /// <summary>The connection whose credentials were used, if any.</summary>
    public ConnectionId? ConnectionId { get; init; }

    /// <summary>The operation, such as <c>chat.postMessage</c> or <c>POST /v1/subscriptions</c>.</summary>
    public string? Operation { get; init; }

    /// <summary>What kind of failure this is.</summary>
    public required ProviderErrorCategory Category { get; init; }

    /// <summary>The HTTP status of the last attempt, or <see langword="null"/> when no response came.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The provider's machine-readable error code (Slack's <c>error</c>, Stripe's <c>code</c>, Google's <c>reason</c>).</summary>
    public string? ProviderCode { get; init; }

    /// <summary>The provider's own message, if it sent one.</summary>
    public string? ProviderMessage { get; init; }

    /// <summary>Stripe's card decline code, such as <c>insufficient_funds</c>.</summary>
    public string? DeclineCode { get; init; }

    /// <summary>The request parameter the provider said is wrong.</summary>
    public string? Parameter { get; init; }

    /// <summary>Whether the same call may succeed later.</summary>
    public bool IsRetryable { get; init; }

    /// <summary>How long to wait before retrying, when the provider or the rate limiter said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; init; }
}
