using System.Web;
using Microsoft.Extensions.Logging.Testing;
using Mooring.AspNetCore.Tests.Infrastructure;
using Mooring.Connections;

namespace Mooring.AspNetCore.Tests.Connections;

/// <summary>
/// Every log line of a whole connection lifecycle, at Trace level, searched for every secret it handled. Access and
/// refresh tokens and the client secret must be in none. ASP.NET Core's own request logging (hosting and routing, which
/// print request URLs) shows the single-use code and state of the callback and the connect link; docs/connections.md
/// says how to filter them. No other line may.
/// </summary>
public sealed class LogSecrecyTests(IdentityProviderFixture fixture) : MooringTestBase(fixture)
{
    [Fact]
    public async Task Lifecycle_NoTokenCodeOrStateInAnyLogLine()
    {
        var secrets = new List<string> { TestIdentityProvider.ClientSecret };
        var urlSecrets = new List<string>();
        var vault = Mooring.Get<IConnectionVault>();
        using var browser = new Browser(Mooring);
        var link = await Browser.CreateLinkAsync(Mooring, "conn-log");
        urlSecrets.Add(new Uri(link).Segments[^1]);
        using var redirect = await browser.AuthorizeAsync(await browser.OpenLinkAsync(link));
        var callback = redirect.Headers.Location!;
        var query = HttpUtility.ParseQueryString(callback.Query);
        urlSecrets.Add(query["code"]!);
        urlSecrets.Add(query["state"]!);
        (await browser.DeliverAsync(callback)).Dispose();
        (await browser.DeliverAsync(callback)).Dispose(); // a refused replay logs too
        await AddCredentialsAsync();
        Mooring.Time.Advance(TimeSpan.FromHours(2));
        await Mooring.Get<ITokenManager>().GetAccessTokenAsync(ConnectionId.Parse("conn-log"), Ct);
        await AddCredentialsAsync();
        Idp.FailRevocations = true;
        await Mooring.Get<IConnectionManager>().DisconnectAsync(ConnectionId.Parse("conn-log"), Ct);

        var records = Mooring.Logs.GetSnapshot();
        records.Count.ShouldBeGreaterThan(20);
        records.ShouldContain(r => r.Category != null && r.Category.StartsWith("Mooring.", StringComparison.Ordinal));
        var leaks = (from record in records
                     from text in Texts(record)
                     from secret in RequestUrlLogging(record) ? secrets : secrets.Concat(urlSecrets)
                     where text.Contains(secret, StringComparison.Ordinal)
                     select $"{record.Category}: {record.Message}").Distinct().ToList();
        leaks.ShouldBeEmpty();

        async Task AddCredentialsAsync()
        {
            var (_, credentials) = (await vault.GetAsync(ConnectionId.Parse("conn-log"), Ct)).ShouldNotBeNull();
            secrets.Add(credentials!.AccessToken!);
            secrets.Add(credentials.RefreshToken!);
        }
    }

    private static bool RequestUrlLogging(FakeLogRecord record) =>
        record.Category is "Microsoft.AspNetCore.Hosting.Diagnostics" || (record.Category?.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal) ?? false);

    private static IEnumerable<string> Texts(FakeLogRecord record)
    {
        yield return record.Message;
        if (record.Exception is not null)
        {
            yield return record.Exception.ToString();
        }

        foreach (var (key, value) in record.StructuredState ?? [])
        {
            yield return key + "=" + value;
        }
    }
}
