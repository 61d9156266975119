using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mooring.Storage;

namespace Mooring.AspNetCore.Health;

/// <summary>Healthy when the store answers and its schema is the one this Mooring writes.</summary>
internal sealed class StoreHealthCheck(IStoreMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var version = await migrator.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            return version == migrator.LatestVersion
                ? HealthCheckResult.Healthy($"schema version {version}")
                : HealthCheckResult.Unhealthy($"schema version {version}, expected {migrator.LatestVersion}");
        }
        catch (StoreException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
