using Mooring.Providers;

namespace Mooring.AspNetCore.Proxy;

/// <summary>
/// Where a proxied request goes: the provider's API base URL and the caller's path under it, never anywhere else.
/// A path that could climb out of the base URL or name another host is refused before anything is sent; the outbound
/// pipeline then checks the host again, as for any call (<see cref="ProviderHosts"/>).
/// </summary>
internal static class ProxyTarget
{
    /// <summary>Why the path cannot be proxied, or <see langword="null"/> if it can.</summary>
    public static string? Problem(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "Name the provider API path after the connection: /proxy/{connection}/{path}.";
        }

        // ASP.NET Core decodes the path except %2F, so "%2e%2e" arrives as ".." and "%5c" as "\".
        if (path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || path.Contains("%2f", StringComparison.OrdinalIgnoreCase)
            || path.Contains("%5c", StringComparison.OrdinalIgnoreCase) || path.Contains("//", StringComparison.Ordinal))
        {
            return "The path may not start with '/', contain '//', backslashes or encoded slashes.";
        }

        if (path.Split('/').Any(segment => segment is "." or ".."))
        {
            return "The path may not contain '.' or '..' segments.";
        }

        if (path.Any(char.IsControl))
        {
            return "The path may not contain control characters.";
        }

        var firstSegment = path.Split('/')[0];
        return firstSegment.Contains(':', StringComparison.Ordinal)
            ? "The path must be relative to the provider's API base URL, not a URL of its own."
            : null;
    }

    /// <summary>The absolute target, or <see langword="null"/> when it would not be under <paramref name="baseAddress"/>.</summary>
    public static Uri? Resolve(Uri? baseAddress, string path, string? query)
    {
        if (baseAddress is null)
        {
            return null;
        }

        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        if (!Uri.TryCreate(root, path + query, out var target))
        {
            return null;
        }

        return ProviderHosts.SameOrigin(target, root) && target.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal) ? target : null;
    }
}
