using System.Text;
using Microsoft.AspNetCore.Http;
using Mooring.Sandbox.OAuth;

namespace Mooring.Sandbox.Stripe;

/// <summary>Stripe's API-key authentication: Bearer or Basic (the key as user name); the account key or a Connect access token.</summary>
internal static class StripeAuth
{
    public static string? Key(HttpRequest request) => BasicCredentials.Bearer(request) ?? BasicCredentials.Read(request).User;

    public static StripeResponse? Check(SandboxOptions options, TokenStore tokens, HttpRequest request)
    {
        var key = Key(request);
        if (string.IsNullOrEmpty(key))
        {
            return StripeErrors.Error(401, "invalid_request_error", "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.");
        }

        if (key == options.StripeApiKey)
        {
            return null;
        }

        return tokens.Check(SandboxProvider.Stripe, key).Status switch
        {
            TokenStatus.Valid => null,
            TokenStatus.Revoked => StripeErrors.Error(401, "invalid_request_error", $"The provided key '{Redact(key)}' does not have access to account. Application access may have been revoked.", "account_invalid"),
            TokenStatus.Expired => StripeErrors.Error(401, "invalid_request_error", $"Expired API Key provided: {Redact(key)}", "api_key_expired"),
            _ => StripeErrors.Error(401, "invalid_request_error", $"Invalid API Key provided: {Redact(key)}", "api_key_invalid"),
        };
    }

    private static string Redact(string key)
    {
        var builder = new StringBuilder(key.Length);
        var keep = Math.Min(8, key.Length);
        builder.Append(key, 0, keep).Append('*', Math.Max(0, key.Length - keep - 4)).Append(key.AsSpan(Math.Max(keep, key.Length - 4)));
        return builder.ToString();
    }
}
