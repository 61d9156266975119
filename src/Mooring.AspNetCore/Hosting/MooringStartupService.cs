using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mooring.Security;
using Mooring.Storage;

namespace Mooring.AspNetCore.Hosting;

/// <summary>
/// Brings the store's schema up to date before the app takes requests; a failure stops the start with the store's
/// message. In sandbox mode, says where the generated keys are kept.
/// </summary>
internal sealed partial class MooringStartupService(
    IStoreMigrator migrator,
    KeyVerifier keys,
    IOptions<MooringOptions> options,
    SandboxSecretsProvider sandbox,
    ILogger<MooringStartupService> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var mooring = options.Value;
        if (mooring.Mode == MooringMode.Sandbox && sandbox.Secrets is { } secrets)
        {
            if (secrets.Created)
            {
                Log.SandboxKeysCreated(logger, secrets.Path);
                Log.SandboxManagementKey(logger, secrets.ManagementApiKey);
            }
            else
            {
                Log.SandboxKeysLoaded(logger, secrets.Path);
            }
        }

        var applied = await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await keys.VerifyAsync(cancellationToken).ConfigureAwait(false);
        Log.StoreReady(logger, mooring.StorageProvider, migrator.LatestVersion, applied.Count);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Sandbox mode: generated an encryption key and a management API key and saved them in {Path} (readable by this user only). Never use sandbox mode with real credentials.")]
        public static partial void SandboxKeysCreated(ILogger logger, string path);

        // Printed once, when generated, so that the person starting the sandbox can call the management API.
        [LoggerMessage(2, LogLevel.Warning, "Sandbox management API key (shown once; also in the sandbox secrets file): {ManagementApiKey}")]
        public static partial void SandboxManagementKey(ILogger logger, string managementApiKey);

        [LoggerMessage(3, LogLevel.Information, "Sandbox mode: using the keys in {Path}")]
        public static partial void SandboxKeysLoaded(ILogger logger, string path);

        [LoggerMessage(4, LogLevel.Information, "Store {Provider} ready at schema version {Version} ({Applied} migrations applied now)")]
        public static partial void StoreReady(ILogger logger, string provider, int version, int applied);
    }
}
