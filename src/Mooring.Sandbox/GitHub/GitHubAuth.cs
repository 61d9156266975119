using Microsoft.AspNetCore.Http;
using Mooring.Sandbox.OAuth;

namespace Mooring.Sandbox.GitHub;

/// <summary>GitHub's answer to a token: anonymous is allowed (with the low limit), a bad or revoked one is 401 Bad credentials.</summary>
internal static class GitHubAuth
{
    public static IResult? Check(TokenStore tokens, HttpRequest request)
    {
        var token = BasicCredentials.Bearer(request);
        return token is null || tokens.Check(SandboxProvider.GitHub, token).IsValid
            ? null
            : GitHubDialect.Message(401, "Bad credentials");
    }
}
