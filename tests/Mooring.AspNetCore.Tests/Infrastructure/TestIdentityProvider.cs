using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Mooring.AspNetCore.Tests.Infrastructure;

/// <summary>
/// OpenIddict 7 on a loopback port as a strict, independent authorization server: code flow with PKCE required, refresh
/// token rotation with no reuse leeway, client credentials, revocation, its EF Core SQLite store, automatic consent.
/// Counts token requests by grant and can fail the next ones with 503.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "mooring-test";
    public const string ClientSecret = "mooring-test-secret-0123456789";

    private readonly WebApplication _app;
    private readonly string _directory;
    private int _refreshRequests;
    private int _codeRequests;
    private int _clientCredentialsRequests;
    private int _revocationRequests;
    private int _failNext;

    private TestIdentityProvider(WebApplication app, string directory, Uri issuer)
    {
        _app = app;
        _directory = directory;
        Issuer = issuer;
    }

    public Uri Issuer { get; }

    public int RefreshRequests => Volatile.Read(ref _refreshRequests);

    public int CodeRequests => Volatile.Read(ref _codeRequests);

    public int ClientCredentialsRequests => Volatile.Read(ref _clientCredentialsRequests);

    public int RevocationRequests => Volatile.Read(ref _revocationRequests);

    /// <summary>When set, the authorization endpoint answers access_denied (the user declined).</summary>
    public bool Deny { get; set; }

    /// <summary>When set, the revocation endpoint answers 503.</summary>
    public bool FailRevocations { get; set; }

    /// <summary>Runs before each token request is answered, once, then clears itself.</summary>
    public Func<Task>? OnTokenRequest
    {
        get => _onTokenRequestTaken;
        set => _onTokenRequestTaken = value;
    }

    private Func<Task>? _onTokenRequestTaken;

    /// <summary>Zeroes the counters and clears the switches, for the next test.</summary>
    public void Reset()
    {
        _refreshRequests = _codeRequests = _clientCredentialsRequests = _revocationRequests = _failNext = 0;
        Deny = FailRevocations = false;
        OnTokenRequest = null;
    }

    /// <summary>The next <paramref name="count"/> token requests get 503.</summary>
    public void FailNextTokenRequests(int count) => Volatile.Write(ref _failNext, count);

    public static async Task<TestIdentityProvider> StartAsync(params string[] redirectUris)
    {
        var port = FreePort();
        var issuer = new Uri($"http://127.0.0.1:{port}/");
        var directory = Directory.CreateTempSubdirectory("mooring-idp-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Services.AddDbContext<IdpDbContext>(o =>
        {
            o.UseSqlite($"Data Source={Path.Combine(directory, "idp.db")};Pooling=False");
            o.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdpDbContext>())
            .AddServer(o =>
            {
                o.SetIssuer(issuer);
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetRevocationEndpointUris("connect/revoke");
                o.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                o.RequireProofKeyForCodeExchange();
                o.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                o.RegisterScopes(Scopes.OfflineAccess, "api");
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        var idp = new TestIdentityProvider(app, directory, issuer);
        app.Use(idp.CountAndFailAsync); // before authentication, where OpenIddict answers refused requests itself: every request counts
        app.UseAuthentication();
        app.MapGet("/connect/authorize", (Func<HttpContext, IResult>)idp.Authorize);
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)TokenAsync);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Database.EnsureCreatedAsync();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.GrantTypes.ClientCredentials,
                    Permissions.ResponseTypes.Code, Permissions.Prefixes.Scope + "api",
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            foreach (var uri in redirectUris)
            {
                descriptor.RedirectUris.Add(new Uri(uri));
            }

            await applications.CreateAsync(descriptor);
        }

        await app.StartAsync();
        return idp;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task CountAndFailAsync(HttpContext context, Func<Task> next)
    {
        if (context.Request.Path == "/connect/token" && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            var grant = form["grant_type"].ToString();
            if (grant == GrantTypes.RefreshToken)
            {
                Interlocked.Increment(ref _refreshRequests);
            }
            else if (grant == GrantTypes.AuthorizationCode)
            {
                Interlocked.Increment(ref _codeRequests);
            }
            else
            {
                Interlocked.Increment(ref _clientCredentialsRequests);
            }

            if (Interlocked.Exchange(ref _onTokenRequestTaken, null) is { } hook)
            {
                await hook();
            }

            if (Interlocked.Decrement(ref _failNext) >= 0)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            Interlocked.Exchange(ref _failNext, 0);
        }
        else if (context.Request.Path == "/connect/revoke")
        {
            Interlocked.Increment(ref _revocationRequests);
            if (FailRevocations)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
        }

        await next();
    }

    private IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenIddict request.");
        if (Deny)
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user declined.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, "user-1").SetClaim(Claims.Name, "Test User");
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenIddict request.");
        if (request.IsClientCredentialsGrantType())
        {
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId!);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return Results.SignIn(result.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
