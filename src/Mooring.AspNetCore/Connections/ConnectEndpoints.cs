using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Mooring.Connections;
using Mooring.OAuth;

namespace Mooring.AspNetCore.Connections;

/// <summary>
/// The browser side of the connect flow: <c>GET /connect/{link}</c> opens a connect link and redirects to the provider;
/// <c>GET /connect/callback</c> is the OAuth redirect URI. Neither needs the management API key: a link is itself the credential.
/// </summary>
internal static class ConnectEndpoints
{
    public const string CallbackPath = "/connect/callback";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CallbackPath, CallbackAsync).ExcludeFromDescription();
        endpoints.MapGet("/connect/{link}", StartAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> StartAsync(
        HttpContext context, string link, ConnectLinks links, ConnectFlow flow, IOptions<ConnectionsOptions> options, CancellationToken cancellationToken)
    {
        NoStore(context);
        if (links.Read(link, out var error) is not { } request)
        {
            return ConnectPage.Render("This link does not work", error!, StatusCodes.Status400BadRequest);
        }

        var binding = BrowserBinding.GetOrCreate(context, options.Value);
        try
        {
            var url = await flow.StartAsync(request, binding, RedirectUri(context.Request, options.Value), cancellationToken).ConfigureAwait(false);
            return new QuietRedirect(url.AbsoluteUri);
        }
        catch (InvalidOperationException)
        {
            return ConnectPage.Render("Connecting is not set up", "This app cannot connect to that service yet. Tell the app's administrator.", StatusCodes.Status500InternalServerError);
        }
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext context, CallbackHandler handler, IOptions<ConnectionsOptions> options, CancellationToken cancellationToken)
    {
        NoStore(context);
        var query = context.Request.Query;
        var callback = new CallbackParameters(Value(query["state"]), Value(query["code"]), Value(query["error"]), Value(query["error_description"]), Value(query["iss"]))
        {
            Other = name => Value(query[name]),
        };
        var outcome = await handler.CompleteAsync(callback, BrowserBinding.Read(context), cancellationToken).ConfigureAwait(false);
        var o = options.Value;
        if (outcome.Succeeded)
        {
            var connection = outcome.Connection!;
            return o.SuccessUrl is { } success
                ? new QuietRedirect(QueryHelpers.AddQueryString(success, new Dictionary<string, string?> { ["connection_id"] = connection.Id.Value, ["provider"] = connection.Provider.Value }))
                : ConnectPage.Render("Connected", $"{outcome.ProviderName} is now connected.", StatusCodes.Status200OK);
        }

        return o.FailureUrl is { } failure
            ? new QuietRedirect(QueryHelpers.AddQueryString(failure, new Dictionary<string, string?>
            {
                ["error"] = outcome.Error,
                ["error_description"] = outcome.Message,
                ["provider"] = outcome.Provider?.Value,
            }))
            : ConnectPage.Render(outcome.Error == "access_denied" ? "Not connected" : "Connecting did not work", outcome.Message!, StatusCodes.Status400BadRequest);
    }

    public static string RedirectUri(HttpRequest request, ConnectionsOptions options) =>
        (options.PublicBaseUrl is { } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}") + CallbackPath;

    public static Uri BaseUrl(HttpRequest request, ConnectionsOptions options) =>
        new(options.PublicBaseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}");

    private static string? Value(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 1 ? values[0] : null;

    private static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
