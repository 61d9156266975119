namespace Mooring.Proxy;

/// <summary>Settings of <c>/proxy/{connection}/{path}</c>, bound from <c>Mooring:Proxy</c>.</summary>
public sealed class ProxyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Mooring:Proxy";

    /// <summary>The largest request body forwarded, in bytes; larger ones are answered 413.</summary>
    /// <value>The default value is 10 MiB.</value>
    public long MaxRequestBodySize { get; set; } = 10 * 1024 * 1024;
}
