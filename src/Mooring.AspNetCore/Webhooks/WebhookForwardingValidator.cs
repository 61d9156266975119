using Mooring.Providers;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

internal static class WebhookForwardingValidator
{
    private const string Prefix = WebhookOptions.SectionName + ":Forwarding";

    public static void Validate(List<string> errors, WebhookForwardingOptions forwarding)
    {
        if (forwarding.Url is null)
        {
            return;
        }

        if (!Uri.TryCreate(forwarding.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            errors.Add($"{Prefix}:Url must be an absolute http or https URL.");
        }

        if (forwarding.Secrets.Count == 0)
        {
            errors.Add($"{Prefix}:Secrets: at least one whsec_ secret is required to sign forwarded events.");
        }

        for (var i = 0; i < forwarding.Secrets.Count; i++)
        {
            if (Mooring.Webhooks.WebhookSecrets.Problem(WebhookSignatureScheme.StandardWebhooks, forwarding.Secrets[i]) is { } problem)
            {
                errors.Add($"{Prefix}:Secrets:{i} {problem}.");
            }
        }

        if (forwarding.MaxAttempts < 1 || forwarding.Concurrency < 1 || forwarding.Timeout <= TimeSpan.Zero ||
            forwarding.RetryBaseDelay <= TimeSpan.Zero || forwarding.RetryMaxDelay < forwarding.RetryBaseDelay)
        {
            errors.Add($"{Prefix}: MaxAttempts and Concurrency must be at least 1, Timeout and RetryBaseDelay greater than 0, RetryMaxDelay at least RetryBaseDelay.");
        }
    }
}
