using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mooring.Sandbox.Webhooks;

namespace Mooring.Sandbox;

/// <summary>
/// A sandbox running in-process on a loopback port: the quickest way to point real clients (SDKs, Mooring itself)
/// at the emulators from a test. Dispose it to stop it.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Hosting.SandboxState _state;

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        _state = app.Services.GetRequiredService<Hosting.SandboxState>();
        BaseAddress = baseAddress;
        Control = app.Services.GetRequiredService<SandboxControl>();
        Webhooks = app.Services.GetRequiredService<SandboxWebhookSender>();
    }

    /// <summary>Gets the root address, for example <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the controls of this instance.</summary>
    public SandboxControl Control { get; }

    /// <summary>Gets the webhook sender of this instance.</summary>
    public SandboxWebhookSender Webhooks { get; }

    /// <summary>Gets the service provider of the hosting app.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a sandbox on 127.0.0.1.</summary>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="port">The port, or 0 for a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running sandbox.</returns>
    public static async Task<SandboxHost> StartAsync(SandboxOptions? options = null, int port = 0, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxHost).Assembly.GetName().Name });
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.Services.AddSandbox(options ?? new SandboxOptions());
        var app = builder.Build();
        app.MapSandbox();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Gets the base address of one provider, for example <c>http://127.0.0.1:49152/stripe/</c>.</summary>
    /// <param name="provider">One of <see cref="SandboxProvider"/>.</param>
    /// <returns>The address, ending with a slash.</returns>
    public Uri AddressOf(string provider) => new(BaseAddress, provider + "/");

    /// <summary>Gets the base address of every provider, keyed by <see cref="SandboxProvider"/> name (for a CLI to print).</summary>
    public IReadOnlyDictionary<string, Uri> Addresses => SandboxProvider.All.ToDictionary(p => p, AddressOf);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Hung requests (the Hang fault) would hold a graceful stop for the default 30 s; the short timeout aborts them.
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _state.Dispose();
    }
}
