using Microsoft.AspNetCore.Http;

namespace Mooring.Sandbox.OAuth;

/// <summary>Renders what every provider's authorize step shares: a 302 back to the client, or a 400 page when the redirect is untrusted.</summary>
internal static class OAuthResults
{
    public static IResult Authorize(AuthorizeDecision decision) =>
        decision.RedirectTo is { } to ? Results.Redirect(to) : Results.Text(decision.ErrorPage, "text/plain", null, StatusCodes.Status400BadRequest);
}
