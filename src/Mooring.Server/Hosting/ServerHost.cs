using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mooring.Sandbox;

namespace Mooring.Server.Hosting;

/// <summary>Builds the standalone server and the hosts the CLI commands run in, configured the ASP.NET Core way.</summary>
internal static class ServerHost
{
    /// <summary>Where the server listens when neither <c>--urls</c>, <c>ASPNETCORE_URLS</c> nor <c>Kestrel:Endpoints</c> says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// The web app: appsettings.json, then <c>Mooring__…</c> environment variables, then <paramref name="args"/> such as
    /// <c>--Mooring:StorageProvider=postgres</c>.
    /// </summary>
    public static WebApplication BuildWebApp(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        QuietStartFailures(builder.Logging);
        var sandbox = SandboxWiring.IsSandbox(builder.Configuration);
        if (sandbox)
        {
            SandboxWiring.AddProviderOverrides(builder.Configuration, SandboxWiring.BaseUrl(builder.Configuration));
            builder.Services.AddSandbox();
            builder.Services.AddHostedService<SandboxDelivery>();
        }

        builder.Services.AddMooring(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapGet("/", () => Results.Redirect("/health")).ExcludeFromDescription();
        app.MapMooring();
        if (sandbox)
        {
            app.MapSandbox(SandboxWiring.Prefix);
        }

        return app;
    }

    /// <summary>A host without a web server, for commands such as <c>mooring keys rotate</c>; quiet unless something goes wrong.</summary>
    public static IHost BuildCommandHost(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        LogWarningsToStandardError(builder.Logging, args);
        QuietStartFailures(builder.Logging);
        // A command reads and writes the store; it never processes or forwards webhook events, runs syncs, renews push
        // channels or deletes old records, whatever the configuration says.
        builder.Configuration.AddInMemoryCollection(
            [new("Mooring:Webhooks:Workers", "0"), new("Mooring:Sync:SchedulerEnabled", "false"), new("Mooring:Retention:Interval", "00:00:00"),
             new("Mooring:Webhooks:PushChannels:RenewInterval", "00:00:00")]);
        builder.Services.AddMooring(builder.Configuration);
        return builder.Build();
    }

    /// <summary>
    /// A command's standard output is its own, for scripts to read: its host logs warnings and errors only, all on standard
    /// error. The levels that appsettings.json and the environment set are the server's and do not apply; the command's own
    /// <c>--Logging:…</c> arguments do, to see more while looking into a problem.
    /// </summary>
    private static void LogWarningsToStandardError(ILoggingBuilder logging, string[] args)
    {
        logging.ClearProviders();
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.Services.Configure<LoggerFilterOptions>(filters => filters.Rules.Clear());
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddConfiguration(new ConfigurationBuilder().AddCommandLine(args).Build().GetSection("Logging"));
    }

    /// <summary>
    /// A failed start is reported by the CLI as one line naming the problem and the fix; the host's own
    /// "Hosting failed to start" entry would repeat it with a stack trace.
    /// </summary>
    private static void QuietStartFailures(ILoggingBuilder logging) =>
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
}
