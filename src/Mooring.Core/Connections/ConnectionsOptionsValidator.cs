using Microsoft.Extensions.Options;

namespace Mooring.Connections;

/// <summary>Checks <see cref="ConnectionsOptions"/> at start-up, naming the setting at fault.</summary>
internal sealed class ConnectionsOptionsValidator : IValidateOptions<ConnectionsOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectionsOptions options)
    {
        const string S = ConnectionsOptions.SectionName;
        var failures = new List<string>();
        if (options.TokenRequestRetries is < 0 or > 10)
        {
            failures.Add($"{S}:TokenRequestRetries is {options.TokenRequestRetries}; use 0 to 10.");
        }

        Positive(failures, "TokenRequestRetryDelay", options.TokenRequestRetryDelay, allowZero: true);
        Positive(failures, "TokenRequestTimeout", options.TokenRequestTimeout, allowZero: false);
        Positive(failures, "AuthorizationLifetime", options.AuthorizationLifetime, allowZero: false);
        Positive(failures, "ConnectLinkLifetime", options.ConnectLinkLifetime, allowZero: false);
        Positive(failures, "BackgroundRefreshInterval", options.BackgroundRefreshInterval, allowZero: true);
        AbsoluteUrl(failures, "PublicBaseUrl", options.PublicBaseUrl);
        AbsoluteUrl(failures, "SuccessUrl", options.SuccessUrl);
        AbsoluteUrl(failures, "FailureUrl", options.FailureUrl);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string setting, TimeSpan value, bool allowZero)
    {
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            failures.Add($"{ConnectionsOptions.SectionName}:{setting} is {value}; it must be {(allowZero ? "zero or more" : "more than zero")}.");
        }
    }

    private static void AbsoluteUrl(List<string> failures, string setting, string? value)
    {
        if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            failures.Add($"{ConnectionsOptions.SectionName}:{setting} '{value}' is not an absolute http(s) URL.");
        }
    }
}
