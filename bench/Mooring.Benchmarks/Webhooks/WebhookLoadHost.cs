using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mooring.Benchmarks.Webhooks;

/// <summary>
/// The host bench/webhooks-load.sh measures: Mooring embedded the documented way, Stripe webhooks verified and durably
/// stored (workers processing them as they would in production), and beside it, in the same process and server, a bare
/// endpoint that answers 200 with the same small body, the baseline of the ratio, and the issue's reference design
/// (<see cref="ReferenceIntake"/>, <c>/reference</c>), what a plain batching writer reaches on the same machine and
/// store (with <c>--postgres</c>, in a database of its own on the same server).
/// </summary>
internal static class WebhookLoadHost
{
    public const string StripeSecret = "whsec_bench_0123456789abcdef";

    /// <summary><c>webhooks-host --urls URL [--postgres ADMIN_CONNECTION_STRING] [--Section:Key=value …]</c>.</summary>
    public static async Task RunAsync(string[] args)
    {
        var settings = new List<string>
        {
            "--Mooring:Mode=Sandbox",
            $"--Mooring:DataDirectory={Directory.CreateTempSubdirectory("mooring-bench-").FullName}",
            $"--Mooring:Webhooks:Providers:stripe:Secrets:0={StripeSecret}",
        };
        var postgresAt = Array.IndexOf(args, "--postgres");
        string? referenceDatabase = null;
        if (postgresAt >= 0)
        {
            referenceDatabase = await CreateDatabaseAsync(args[postgresAt + 1]);
            settings.Add("--Mooring:StorageProvider=postgres");
            settings.Add($"--Mooring:Storage:Postgres:ConnectionString={await CreateDatabaseAsync(args[postgresAt + 1])}");
            args = [.. args.Take(postgresAt), .. args.Skip(postgresAt + 2)];
        }

        var builder = WebApplication.CreateBuilder([.. settings, .. args]);
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMooring(builder.Configuration);
        var app = builder.Build();
        app.MapPost("/bare", static (HttpContext http) =>
        {
            http.Response.ContentType = "application/json";
            return http.Response.WriteAsync("""{"status":"accepted"}""");
        });
        ReferenceIntake.Map(app, StripeSecret, referenceDatabase);
        app.MapMooring();
        await app.RunAsync();
    }

    /// <summary>A new, empty database on the server of <paramref name="admin"/>; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string admin)
    {
        var name = "mooring_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
