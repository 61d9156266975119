using System.Reflection;
using System.Runtime.CompilerServices;

namespace Mooring.Sandbox.Tests;

public sealed class ConventionTests
{
    private static readonly Assembly Sandbox = typeof(SandboxHost).Assembly;

    [Fact]
    public void Sandbox_ReferencesNoOtherMooringAssembly() =>
        Sandbox.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Mooring", StringComparison.Ordinal)).ShouldBeEmpty();

    [Fact]
    public void InternalTypes_AreSealedOrStaticOrAbstract()
    {
        var open = Sandbox.GetTypes()
            .Where(t => !t.IsPublic && !t.IsNestedPublic && t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Where(t => t.GetCustomAttribute<CompilerGeneratedAttribute>() is null && !t.Name.StartsWith('<'))
            .Select(t => t.FullName);
        open.ShouldBeEmpty();
    }

    [Fact]
    public void PublicTypes_LiveInTheIntendedNamespaces()
    {
        string[] allowed = ["Mooring.Sandbox", "Mooring.Sandbox.Faults", "Mooring.Sandbox.Webhooks"];
        Sandbox.GetExportedTypes().Where(t => !allowed.Contains(t.Namespace)).Select(t => t.FullName).ShouldBeEmpty();
    }
}
