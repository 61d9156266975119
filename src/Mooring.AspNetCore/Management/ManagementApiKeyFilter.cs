using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Mooring.AspNetCore.Management;

/// <summary>
/// Lets a request through to the management API only with one of the configured keys, as
/// <c>Authorization: Bearer …</c> or <c>X-Mooring-Api-Key</c>. Compared as SHA-256 digests in constant time,
/// so that neither the key's length nor its prefix leaks through timing.
/// </summary>
internal sealed class ManagementApiKeyFilter(IOptionsMonitor<MooringOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Mooring-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = ReadKey(context.HttpContext.Request);
        if (presented is null)
        {
            return Problems.Unauthorized($"The management API needs an API key: send 'Authorization: Bearer <key>' or '{HeaderName}: <key>'.");
        }

        if (!Matches(presented, options.CurrentValue.ManagementApiKeys))
        {
            return Problems.Unauthorized("The API key is not one of Mooring:ManagementApiKeys.");
        }

        return await next(context).ConfigureAwait(false);
    }

    private static string? ReadKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        var custom = request.Headers[HeaderName].ToString();
        return custom.Length > 0 ? custom : null;
    }

    private static bool Matches(string presented, List<string> keys)
    {
        Span<byte> presentedHash = stackalloc byte[32];
        Span<byte> keyHash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), presentedHash);
        var match = false;
        foreach (var key in keys)
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(key), keyHash);
            match |= CryptographicOperations.FixedTimeEquals(presentedHash, keyHash);
        }

        return match;
    }
}
