using Microsoft.Extensions.DependencyInjection;
using Mooring.Outbound.RateLimiting;

namespace Mooring.Outbound.Pipeline;

/// <summary>
/// Paces each attempt through the <see cref="IProviderRateLimiter"/>, when one is registered: waits for a slot before
/// sending (inside the call's budget, outside the attempt's timeout), lets it learn from the response, and releases the
/// slot once the response has come. Without a limiter, calls go unpaced.
/// </summary>
internal sealed class RateLimitHandler(IServiceProvider services) : DelegatingHandler
{
    private readonly IProviderRateLimiter? _limiter = services.GetService<IProviderRateLimiter>();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_limiter is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var call = OutboundRequestOptions.CallOf(request);
        var priority = OutboundRequestOptions.PriorityOf(request);
        using var lease = await _limiter.AcquireAsync(call.Provider, call.Connection.Id, request, priority, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        _limiter.Observe(call.Provider, call.Connection.Id, request, response);
        return response;
    }
}
