namespace Mooring.Outbound;

/// <summary>One JSON call to a provider, relative to its API base URL, for <see cref="IProviderApi"/>.</summary>
public sealed record ProviderRequest
{
    /// <summary>Creates a request for <paramref name="method"/> on <paramref name="path"/>.</summary>
    public ProviderRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path relative to the provider's API base URL, such as <c>chat.postMessage</c> or <c>v1/subscriptions</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// The name of the operation in errors, the request log and traces: a method name (<c>chat.postMessage</c>) or an
    /// endpoint template (<c>POST /v1/subscriptions/{id}</c>). When unset, the method and the path without query are used.
    /// </summary>
    public string? Operation { get; init; }

    /// <summary>Query parameters, in order; a name may repeat.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>The body, if any. It is buffered so that a retry can send it again.</summary>
    public HttpContent? Content { get; init; }

    /// <summary>Who is waiting for the answer.</summary>
    public CallPriority Priority { get; init; } = CallPriority.Interactive;

    /// <summary>
    /// For <see cref="IProviderApi.ListAsync"/>: a JSON pointer to the array of items in each page (<c>/channels</c>);
    /// when unset, the provider's pagination setting, else the whole body, which must then be an array.
    /// </summary>
    public string? Items { get; init; }
}
