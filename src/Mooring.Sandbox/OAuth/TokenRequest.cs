using Microsoft.AspNetCore.Http;

namespace Mooring.Sandbox.OAuth;

/// <summary>A token endpoint request, read from the form and the Basic authorization header.</summary>
internal sealed record TokenRequest(
    string? GrantType,
    string? Code,
    string? RedirectUri,
    string? CodeVerifier,
    string? RefreshToken,
    string? ClientId,
    string? ClientSecret,
    string? Scope = null)
{
    public static async Task<TokenRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = request.HasFormContentType
            ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false)
            : FormCollection.Empty;
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : request.Query[name].FirstOrDefault();
        var (basicId, basicSecret) = BasicCredentials.Read(request);
        return new TokenRequest(
            Field("grant_type"),
            Field("code"),
            Field("redirect_uri"),
            Field("code_verifier"),
            Field("refresh_token"),
            basicId ?? Field("client_id"),
            basicSecret ?? Field("client_secret"),
            Field("scope"));
    }
}
