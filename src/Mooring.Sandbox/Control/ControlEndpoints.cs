using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.Sandbox.Faults;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.Control;

/// <summary>The control API under <c>/_sandbox</c>: the HTTP face of <see cref="SandboxControl"/>, for tests in any language.</summary>
internal static class ControlEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        var control = new SandboxControl(state);
        group.MapGet("/", () => Results.Json(new { seed = state.Options.Seed, providers = SandboxProvider.All }, Json));

        group.MapPost("/faults", async (HttpRequest request) =>
        {
            var rule = await request.ReadFromJsonAsync<FaultRule>(Json, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return rule is null ? Results.BadRequest() : Results.Json(new { id = control.AddFault(rule) }, Json, statusCode: StatusCodes.Status201Created);
        });
        group.MapDelete("/faults", () =>
        {
            control.ClearFaults();
            return Results.NoContent();
        });
        group.MapDelete("/faults/{id:int}", (int id) => control.RemoveFault(id) ? Results.NoContent() : Results.NotFound());
        group.MapGet("/faults/log", () => Results.Json(control.FaultLog, Json));

        group.MapPost("/tokens", (TokenBody body) =>
        {
            var token = control.IssueToken(body.Provider, body.Scope ?? string.Empty, body.User);
            return Results.Json(new { access_token = token.AccessToken, refresh_token = token.RefreshToken });
        });
        group.MapPost("/revoke", (RevokeBody body) => control.RevokeGrant(body.Provider, body.Token) ? Results.NoContent() : Results.NotFound());
        group.MapPost("/consent", (ConsentBody body) =>
        {
            control.DenyConsent(body.Provider, body.Deny);
            return Results.NoContent();
        });
        group.MapPost("/clients", (ClientBody body) =>
        {
            control.RegisterClient(body.Provider, body.ClientId, body.ClientSecret, body.RedirectUris ?? []);
            return Results.NoContent();
        });
        group.MapPost("/data/advance", (AdvanceBody body) =>
        {
            control.AdvanceData(body.Changes);
            return Results.NoContent();
        });
        group.MapPost("/data/expire-sync-tokens", () =>
        {
            control.ExpireSyncTokens();
            return Results.NoContent();
        });
        group.MapPut("/options", (OptionsBody body) =>
        {
            var options = state.Options;
            options.AccessTokenLifetime = body.AccessTokenLifetimeSeconds is { } s ? (s > 0 ? TimeSpan.FromSeconds(s) : null) : options.AccessTokenLifetime;
            options.RotateRefreshTokens = body.RotateRefreshTokens ?? options.RotateRefreshTokens;
            options.RateLimits.Enabled = body.RateLimitsEnabled ?? options.RateLimits.Enabled;
            return Results.NoContent();
        });
    }
}
