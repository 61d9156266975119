namespace Mooring.Outbound;

/// <summary>Names used by the outbound pipeline.</summary>
public static class OutboundConstants
{
    /// <summary>The named <c>HttpClient</c> whose handler chain every call to a provider goes through.</summary>
    public const string HttpClientName = "Mooring.Provider";
}
