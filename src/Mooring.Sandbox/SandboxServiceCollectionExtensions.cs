using Microsoft.Extensions.DependencyInjection;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox;

/// <summary>Registers the sandbox in a service collection; pair with <see cref="SandboxEndpointRouteBuilderExtensions.MapSandbox"/>.</summary>
public static class SandboxServiceCollectionExtensions
{
    /// <summary>Adds one sandbox instance (its state, its <see cref="SandboxControl"/> and its webhook sender).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options; defaults are the real services' behaviour.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddSandbox(this IServiceCollection services, Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions();
        configure?.Invoke(options);
        return services.AddSandbox(options);
    }

    /// <summary>Adds one sandbox instance with the given options object (which stays live: later changes take effect).</summary>
    /// <param name="services">The services.</param>
    /// <param name="options">The options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddSandbox(this IServiceCollection services, SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        SandboxOptionsValidator.Validate(options);
        var state = new SandboxState(options);
        services.AddSingleton(options);
        services.AddSingleton(state);
        services.AddSingleton(new SandboxControl(state));
        services.AddHttpClient();
        services.AddSingleton(sp => new Webhooks.SandboxWebhookSender(sp.GetRequiredService<IHttpClientFactory>(), state));
        return services;
    }
}
