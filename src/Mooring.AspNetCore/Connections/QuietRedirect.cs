using Microsoft.AspNetCore.Http;

namespace Mooring.AspNetCore.Connections;

/// <summary>
/// A 302 that, unlike <c>Results.Redirect</c>, does not log its target: the URL to the provider carries the state, and
/// Mooring keeps states out of its log lines.
/// </summary>
internal sealed class QuietRedirect(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status302Found;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
