using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Mooring.Security;
using Mooring.Storage;

namespace Mooring.AspNetCore.Management;

/// <summary><c>/api/status</c>: version, mode, store and encryption keys in use (ids only).</summary>
internal static class StatusEndpoints
{
    public static void Map(RouteGroupBuilder api) => api.MapGet("/status", GetAsync);

    private static async Task<IResult> GetAsync(
        IOptions<MooringOptions> options, IStoreMigrator migrator, ISecretProtector protector, ISecretStore secrets, CancellationToken cancellationToken)
    {
        var version = typeof(StatusEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return Results.Ok(new
        {
            version,
            mode = options.Value.Mode.ToString().ToLowerInvariant(),
            store = new { provider = options.Value.StorageProvider, schemaVersion = await migrator.GetVersionAsync(cancellationToken).ConfigureAwait(false) },
            encryption = new { activeKeyId = protector.ActiveKeyId, secretsByKey = await secrets.CountByKeyAsync(cancellationToken).ConfigureAwait(false) },
        });
    }
}
