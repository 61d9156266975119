using Microsoft.Extensions.Options;
using Mooring.AspNetCore.Webhooks.Channels;
using Mooring.Connections;
using Mooring.Providers;
using Mooring.Webhooks;

namespace Mooring.AspNetCore.Webhooks;

/// <summary>Fails the start when a webhook setting cannot work, naming the setting; never prints a secret.</summary>
internal sealed class WebhookOptionsValidator(IProviderCatalog catalog) : IValidateOptions<WebhookOptions>
{
    private const string Section = WebhookOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>();
        Range(errors, "MaxBodyBytes", options.MaxBodyBytes, 1, 64 * 1024 * 1024);
        Range(errors, "Workers", options.Workers, 0, 64);
        Range(errors, "BatchSize", options.BatchSize, 1, 1000);
        Range(errors, "MaxAttempts", options.MaxAttempts, 1, 1000);
        Range(errors, "WriteBatchSize", options.WriteBatchSize, 1, 10_000);
        Range(errors, "WriteConcurrency", options.WriteConcurrency, 1, 64);
        Range(errors, "WriteQueueCapacity", options.WriteQueueCapacity, options.WriteBatchSize, 1_000_000);
        Positive(errors, "LeaseDuration", options.LeaseDuration);
        Positive(errors, "PollInterval", options.PollInterval);
        if (options.WakeDelay < TimeSpan.Zero || options.WakeDelay > options.PollInterval)
        {
            errors.Add($"{Section}:WakeDelay must be between 0 and PollInterval.");
        }

        Positive(errors, "RetryBaseDelay", options.RetryBaseDelay);
        Positive(errors, "RetryMaxDelay", options.RetryMaxDelay);
        foreach (var (key, provider) in options.Providers)
        {
            ValidateProvider(errors, key, provider);
        }

        WebhookForwardingValidator.Validate(errors, options.Forwarding);
        PushChannelRules.Validate(errors, options.PushChannels);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private void ValidateProvider(List<string> errors, string key, WebhookProviderOptions provider)
    {
        var prefix = $"{Section}:Providers:{key}";
        if (!ProviderKey.TryParse(key, out var providerKey, out var keyError) || !catalog.TryGet(providerKey, out var definition))
        {
            errors.Add($"{prefix}: '{key}' is not a provider of the catalog ({keyError ?? "unknown key"}).");
            return;
        }

        var scheme = definition.Webhooks?.Scheme ?? WebhookSignatureScheme.None;
        if (scheme is WebhookSignatureScheme.None or WebhookSignatureScheme.GooglePubSubOidc)
        {
            errors.Add($"{prefix}: provider '{key}' has webhook scheme {scheme}, which Mooring cannot verify with a secret; set Mooring:Providers:{key}:webhooks:scheme.");
            return;
        }

        if (provider.Secrets.Count == 0 && !WebhookChannelRules.UsesChannels(scheme))
        {
            errors.Add($"{prefix}:Secrets: at least one secret is required to verify {key} webhooks.");
        }

        for (var i = 0; i < provider.Secrets.Count; i++)
        {
            if (Mooring.Webhooks.WebhookSecrets.Problem(scheme, provider.Secrets[i]) is { } problem)
            {
                errors.Add($"{prefix}:Secrets:{i} {problem}.");
            }
        }

        if (scheme == WebhookSignatureScheme.Hmac && WebhookHmac.Read(provider.Hmac) is { Error: { } hmacError })
        {
            errors.Add($"{prefix}:Hmac: {hmacError}");
        }

        WebhookChannelValidator.Validate(errors, prefix, scheme, provider);
    }

    private static void Range(List<string> errors, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{Section}:{setting} is {value}; use {min} to {max}.");
        }
    }

    private static void Positive(List<string> errors, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:{setting} must be greater than 0.");
        }
    }
}
