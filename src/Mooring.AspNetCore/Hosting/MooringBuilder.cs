using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mooring.AspNetCore.Hosting;

internal sealed class MooringBuilder(IServiceCollection services, IConfiguration configuration) : IMooringBuilder
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;
}
