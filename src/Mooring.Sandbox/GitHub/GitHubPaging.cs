using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Mooring.Sandbox.GitHub;

/// <summary>GitHub's page-number pagination with an RFC 8288 Link header, and weak ETags over the body.</summary>
internal static class GitHubPaging
{
    public static (int Page, int PerPage) Read(HttpRequest request)
    {
        var page = int.TryParse(request.Query["page"], out var p) && p > 0 ? p : 1;
        var perPage = int.TryParse(request.Query["per_page"], out var n) && n > 0 ? Math.Min(n, 100) : 30;
        return (page, perPage);
    }

    public static string? Link(HttpRequest request, int page, int lastPage)
    {
        var links = new List<string>();
        if (page < lastPage)
        {
            links.Add($"<{PageUrl(request, page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(request, lastPage)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{PageUrl(request, page - 1)}>; rel=\"prev\"");
            links.Add($"<{PageUrl(request, 1)}>; rel=\"first\"");
        }

        return links.Count == 0 ? null : string.Join(", ", links);
    }

    public static string ETag(string body) => "W/\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))) + "\"";

    /// <summary>Answers 304 with the ETag when If-None-Match names it, else the body with the ETag.</summary>
    public static IResult Conditional(HttpContext context, string body, int status = 200)
    {
        var etag = ETag(body);
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "private, max-age=60, s-maxage=60";
        context.Response.Headers.Vary = "Accept, Authorization, Cookie, X-GitHub-OTP";
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Split(',').Any(t => t.Trim() == etag || t.Trim() == etag[2..]))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Text(body, "application/json; charset=utf-8", null, status);
    }

    private static string PageUrl(HttpRequest request, int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        var baseUrl = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);
        return QueryHelpers.AddQueryString(baseUrl, query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
    }
}
