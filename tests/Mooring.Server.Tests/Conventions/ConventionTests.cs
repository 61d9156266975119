using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace Mooring.Server.Tests.Conventions;

/// <summary>Cheap checks that keep the house in order across every shipped assembly.</summary>
public sealed class ConventionTests
{
    public static TheoryData<string> Assemblies => new()
    {
        "Mooring.Core",
        "Mooring.Storage.Relational",
        "Mooring.Storage.Sqlite",
        "Mooring.Storage.Postgres",
        "Mooring.Redis",
        "Mooring.AspNetCore",
        "mooring",
    };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void InternalClasses_AreSealed(string assembly)
    {
        var types = Load(assembly).GetTypes();
        var unsealed = types
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !t.IsPublic && !t.IsNestedPublic && !IsCompilerGenerated(t))
            .Where(t => !types.Any(d => d.BaseType == t))
            .Select(t => t.FullName)
            .ToList();

        unsealed.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicTypes_LiveInMooringNamespaces(string assembly)
    {
        Load(assembly).GetExportedTypes()
            .Where(t => t.Namespace is null || !(t.Namespace == "Mooring" || t.Namespace.StartsWith("Mooring.", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void OptionsProperties_DocumentTheirDefault(string assembly)
    {
        var asm = Load(assembly);
        var docs = Path.ChangeExtension(asm.Location, ".xml");
        File.Exists(docs).ShouldBeTrue($"{docs} should ship with the assembly");
        var members = XDocument.Load(docs).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, m => m);

        var undocumented = asm.GetExportedTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.IsClass)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            .Where(p => !members.TryGetValue($"P:{p.DeclaringType!.FullName}.{p.Name}", out var doc) || doc.Element("value") is null || doc.Element("summary") is null)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        undocumented.ShouldBeEmpty("every options property needs a <summary> and a <value> stating its default");
    }

    private static bool IsCompilerGenerated(Type type) =>
        type.GetCustomAttribute<CompilerGeneratedAttribute>() is not null || type.Name.Contains('<', StringComparison.Ordinal)
        || (type.DeclaringType is { } outer && IsCompilerGenerated(outer));

    private static Assembly Load(string name) => Assembly.Load(name);
}
