using System.Diagnostics;
using Npgsql;

namespace Mooring.Storage.Tests.Infrastructure;

/// <summary>Runs the real pg_dump against a test database and returns its output.</summary>
internal static class PgDump
{
    public static async Task<byte[]> DumpAsync(string connectionString)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindPgDump())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-h", cs.Host!, "-p", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", cs.Username!, "-d", cs.Database!, "--data-only", "--inserts" })
        {
            start.ArgumentList.Add(arg);
        }

        if (!string.IsNullOrEmpty(cs.Password))
        {
            start.Environment["PGPASSWORD"] = cs.Password;
        }

        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await copy;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_dump failed ({process.ExitCode}): {await errors}");
        }

        return output.ToArray();
    }

    private static string FindPgDump()
    {
        var fromEnv = Environment.GetEnvironmentVariable("MOORING_TEST_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "pg_dump")))
        {
            return Path.Combine(fromEnv, "pg_dump");
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists).OrderDescending().FirstOrDefault()
            : null;
        return installed ?? "pg_dump";
    }
}
