using Microsoft.AspNetCore.Http;

namespace Mooring.Sandbox.Hosting;

/// <summary>
/// How one provider speaks: where its token travels, how its errors and rate-limit answers look, and which
/// limits it enforces. The shared pipeline (<see cref="SandboxEndpointFilter"/>) asks it, so every fault comes
/// out in the provider's own shape.
/// </summary>
internal abstract class ProviderDialect
{
    public abstract string Provider { get; }

    /// <summary>Returns the token a request presents, or <see langword="null"/>.</summary>
    public virtual ValueTask<string?> PresentedTokenAsync(HttpContext context) =>
        ValueTask.FromResult(OAuth.BasicCredentials.Bearer(context.Request));

    /// <summary>Renders an injected failure with the given status in the provider's error shape.</summary>
    public abstract IResult Error(HttpContext context, int status);

    /// <summary>Renders the provider's rate-limit answer; <paramref name="retryAfter"/> <see langword="null"/> leaves its <c>Retry-After</c> out.</summary>
    public abstract IResult RateLimited(HttpContext context, TimeSpan? retryAfter);

    /// <summary>Sets <paramref name="name"/> to <paramref name="retryAfter"/> in whole seconds (at least 1), unless it is <see langword="null"/>.</summary>
    public static void SetRetryAfter(HttpContext context, TimeSpan? retryAfter, string name = "Retry-After")
    {
        if (retryAfter is { } wait)
        {
            context.Response.Headers[name] = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Counts the request against the provider's limits; returns an answer when it is over, else <see langword="null"/>.</summary>
    public virtual IResult? Limit(HttpContext context, string endpoint) => null;
}
