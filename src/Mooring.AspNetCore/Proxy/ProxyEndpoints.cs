using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Mooring.AspNetCore.Management;
using Mooring.Connections;
using Mooring.Outbound;
using Mooring.Proxy;

namespace Mooring.AspNetCore.Proxy;

/// <summary>
/// <c>/proxy/{connection}/{path}</c>: forwards a request of the host app to the connection's provider through the outbound
/// pipeline (credentials, pacing, retries, request log). Only the provider's own API base URL can be reached.
/// </summary>
internal static class ProxyEndpoints
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    public static void Map(IEndpointRouteBuilder endpoints, string prefix)
    {
        endpoints.MapMethods(prefix + "/{connection}/{**path}", Methods, ForwardAsync)
            .AddEndpointFilter<ManagementApiKeyFilter>()
            .ExcludeFromDescription();
    }

    private static async Task ForwardAsync(
        HttpContext context, string connection, string? path, IProviderHttpClientFactory clients, IOptions<ProxyOptions> options)
    {
        var cancellationToken = context.RequestAborted;
        if (!ConnectionId.TryParse(connection, out var connectionId, out var idError))
        {
            await WriteAsync(context, Problems.BadRequest($"The connection in the path is not valid: {idError}"));
            return;
        }

        if (ProxyTarget.Problem(path) is { } pathProblem)
        {
            await WriteAsync(context, Problems.BadRequest(pathProblem));
            return;
        }

        HttpClient client;
        try
        {
            client = await clients.CreateClientAsync(connectionId, CallPriority.Interactive, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectionNotFoundException)
        {
            await WriteAsync(context, Problems.NotFound($"There is no connection '{connectionId}'."));
            return;
        }

        using (client)
        {
            var target = ProxyTarget.Resolve(client.BaseAddress, path!, context.Request.QueryString.Value);
            if (target is null)
            {
                await WriteAsync(context, Problems.BadRequest("The path leaves the provider's API base URL; only the provider's own API can be reached."));
                return;
            }

            var body = await ProxyBody.ReadAsync(context.Request, options.Value.MaxRequestBodySize, cancellationToken).ConfigureAwait(false);
            if (body.TooLarge)
            {
                await WriteAsync(context, Results.Problem(
                    title: "Request body too large",
                    detail: $"The proxy accepts request bodies up to {options.Value.MaxRequestBodySize} bytes (Mooring:Proxy:MaxRequestBodySize).",
                    statusCode: StatusCodes.Status413PayloadTooLarge));
                return;
            }

            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
            ProxyHeaders.CopyRequest(context.Request, request, body.Content);
            await SendAsync(context, client, request, connectionId, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task SendAsync(HttpContext context, HttpClient client, HttpRequestMessage request, ConnectionId connectionId, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ProxyFailure.From(ex, connectionId) is { } failure)
        {
            await WriteAsync(context, failure);
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            ProxyHeaders.CopyResponse(response, context.Response);
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await response.Content.CopyToAsync(context.Response.Body, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(HttpContext context, IResult result) => result.ExecuteAsync(context);
}
