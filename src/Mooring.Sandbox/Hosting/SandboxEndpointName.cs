using Microsoft.AspNetCore.Builder;

namespace Mooring.Sandbox.Hosting;

/// <summary>Endpoint metadata: the provider's own name for a method (<c>chat.postMessage</c>, <c>customers.list</c>), used by faults and limits.</summary>
internal sealed record SandboxEndpointName(string Name);

/// <summary>Attaches <see cref="SandboxEndpointName"/>.</summary>
internal static class SandboxEndpointNameExtensions
{
    public static TBuilder Named<TBuilder>(this TBuilder builder, string name)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SandboxEndpointName(name));
}
