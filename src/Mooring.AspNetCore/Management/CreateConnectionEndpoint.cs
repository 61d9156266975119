using Microsoft.AspNetCore.Http;
using Mooring.Connections;
using Mooring.Storage;

namespace Mooring.AspNetCore.Management;

/// <summary><c>POST /api/connections</c>: an API key, basic or client credentials connection.</summary>
internal static class CreateConnectionEndpoint
{
    internal sealed record Body(
        string? Provider, string? AuthMode, string? Id, string? EndUserRef, string? TenantRef,
        string? ApiKey, string? Username, string? Password, IReadOnlyList<string>? Scopes, Dictionary<string, string>? Metadata);

    public static async Task<IResult> CreateAsync(IConnectionManager connections, Body body, CancellationToken cancellationToken)
    {
        if (!ProviderKey.TryParse(body.Provider, out var provider, out var error))
        {
            return Problems.BadRequest("provider: " + error);
        }

        if (body.AuthMode is null || !Enum.TryParse<AuthMode>(body.AuthMode.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var mode))
        {
            return Problems.BadRequest($"authMode: '{body.AuthMode}' is not one of api_key, basic, oauth2_client_credentials.");
        }

        ConnectionId? id = null;
        if (body.Id is not null)
        {
            if (!ConnectionId.TryParse(body.Id, out var parsed, out error))
            {
                return Problems.BadRequest("id: " + error);
            }

            id = parsed;
        }

        try
        {
            var created = await connections.CreateAsync(new CreateConnectionRequest
            {
                Provider = provider,
                AuthMode = mode,
                Id = id,
                EndUserRef = body.EndUserRef,
                TenantRef = body.TenantRef,
                ApiKey = body.ApiKey,
                Username = body.Username,
                Password = body.Password,
                Scopes = body.Scopes ?? [],
                Metadata = body.Metadata,
            }, cancellationToken).ConfigureAwait(false);
            return Results.Created($"connections/{created.Id}", ConnectionDto.From(created));
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message.Split(" (Parameter", 2)[0]);
        }
        catch (DuplicateKeyException)
        {
            return Results.Problem(title: "Conflict", detail: $"A connection '{id}' exists already.", statusCode: StatusCodes.Status409Conflict);
        }
    }
}
