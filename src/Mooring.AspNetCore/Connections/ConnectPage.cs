using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Mooring.AspNetCore.Connections;

/// <summary>The small page shown at the end of a connect flow when the host app configured no URL to go to.</summary>
internal static class ConnectPage
{
    public static IResult Render(string title, string message, int statusCode)
    {
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{HtmlEncoder.Default.Encode(title)}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#222}</style>
            </head><body><h1>{{HtmlEncoder.Default.Encode(title)}}</h1><p>{{HtmlEncoder.Default.Encode(message)}}</p>
            <p>You can close this window.</p></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }
}
