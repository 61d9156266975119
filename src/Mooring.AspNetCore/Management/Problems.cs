using Microsoft.AspNetCore.Http;

namespace Mooring.AspNetCore.Management;

/// <summary>RFC 9457 problem responses with a detail a person can act on.</summary>
internal static class Problems
{
    public static IResult Unauthorized(string detail) =>
        Results.Problem(title: "Unauthorized", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    public static IResult NotFound(string detail) =>
        Results.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult BadRequest(string detail) =>
        Results.Problem(title: "Bad request", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
