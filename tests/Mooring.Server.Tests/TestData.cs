using System.Security.Cryptography;

namespace Mooring.Server.Tests;

internal static class TestData
{
    public const string ManagementKey = "mk_test_0123456789abcdef0123456789abcdef";

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("mooring-server-test-").FullName;

    /// <summary>Production settings with the given encryption keys, on SQLite in <paramref name="dataDirectory"/>.</summary>
    public static string[] Production(string dataDirectory, IReadOnlyDictionary<string, string> keys, string? active = null)
    {
        var args = new List<string> { $"--Mooring:DataDirectory={dataDirectory}", $"--Mooring:ManagementApiKeys:0={ManagementKey}" };
        args.AddRange(keys.Select(k => $"--Mooring:Encryption:Keys:{k.Key}={k.Value}"));
        if (active is not null)
        {
            args.Add($"--Mooring:Encryption:ActiveKeyId={active}");
        }

        return [.. args];
    }
}
