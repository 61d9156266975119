using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mooring.AspNetCore;

/// <summary>Configures Mooring inside <c>AddMooring(...)</c>; later capabilities hang their options off it.</summary>
public interface IMooringBuilder
{
    /// <summary>The application's services.</summary>
    IServiceCollection Services { get; }

    /// <summary>The configuration Mooring binds its options from.</summary>
    IConfiguration Configuration { get; }
}
