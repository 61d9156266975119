namespace Mooring.AspNetCore.Tests.Infrastructure;

/// <summary>A test with the shared identity provider (counters reset) and a fresh Mooring host on SQLite.</summary>
[Collection(IdentityProviderCollection.Name)]
public abstract class MooringTestBase(IdentityProviderFixture fixture) : IAsyncLifetime
{
    protected TestIdentityProvider Idp { get; } = fixture.Idp;

    protected MooringTestHost Mooring { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Idp.Reset();
        Mooring = await MooringTestHost.StartAsync(Idp);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Mooring.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
