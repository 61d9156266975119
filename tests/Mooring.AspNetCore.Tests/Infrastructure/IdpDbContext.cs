using Microsoft.EntityFrameworkCore;

namespace Mooring.AspNetCore.Tests.Infrastructure;

/// <summary>OpenIddict's entities in SQLite: with a store, OpenIddict rejects a replayed code and a reused refresh token.</summary>
public sealed class IdpDbContext(DbContextOptions<IdpDbContext> options) : DbContext(options);
