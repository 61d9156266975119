namespace Mooring.AspNetCore.Tests.Infrastructure;

/// <summary>
/// One OpenIddict server for every test that needs it (starting one costs seconds); the tests of the collection run one
/// at a time, and each resets the counters and switches first.
/// </summary>
[CollectionDefinition(Name)]
public sealed class IdentityProviderCollection : ICollectionFixture<IdentityProviderFixture>
{
    public const string Name = "identity provider";
}

public sealed class IdentityProviderFixture : IAsyncLifetime
{
    public TestIdentityProvider Idp { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Idp = await TestIdentityProvider.StartAsync(MooringTestHost.CallbackUrl);

    public async ValueTask DisposeAsync() => await Idp.DisposeAsync();
}
