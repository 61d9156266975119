using Microsoft.AspNetCore.Http;
using Mooring.Sandbox.OAuth;

namespace Mooring.Sandbox.Google;

/// <summary>Checks a Google API call's bearer token; a missing, unknown, expired or revoked token is a 401 UNAUTHENTICATED.</summary>
internal static class GoogleAuth
{
    public static IResult? Check(TokenStore tokens, HttpContext context) =>
        tokens.Check(SandboxProvider.Google, BasicCredentials.Bearer(context.Request)).IsValid ? null : GoogleErrors.Unauthenticated(context);

    /// <summary>Gmail accepts <c>me</c> or the mailbox's own address; another user is a delegation error.</summary>
    public static IResult? CheckUser(string userId) =>
        userId is "me" or GoogleAccount.Email ? null : GoogleErrors.Error(403, $"Delegation denied for {GoogleAccount.Email}", "forbidden", "PERMISSION_DENIED");
}
