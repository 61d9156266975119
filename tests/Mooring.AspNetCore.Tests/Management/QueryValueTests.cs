using System.Net;
using System.Text.Json;
using Mooring.AspNetCore.Tests.Infrastructure;

namespace Mooring.AspNetCore.Tests.Management;

/// <summary>
/// A number or flag in a management API query that is not one is a problem naming the field and the value, on every
/// listing: ASP.NET Core's own binding would answer a bare 400 with no body.
/// </summary>
[Collection(IdentityProviderCollection.Name)]
public sealed class QueryValueTests(IdentityProviderFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryListing_NumberOrFlagThatIsNotOne_IsAProblemNamingTheField()
    {
        await using var mooring = await MooringTestHost.StartAsync(fixture.Idp);
        var cases = new (string Url, string Detail)[]
        {
            ("/api/connections?limit=ten", "limit: 'ten' is not a whole number."),
            ("/api/webhooks/events?limit=1.5", "limit: '1.5' is not a whole number."),
            ("/api/webhooks/events?before=latest", "before: 'latest' is not a whole number."),
            ("/api/webhooks/channels?limit=all", "limit: 'all' is not a whole number."),
            ("/api/syncs/stripe-1/stripe-customers/runs?limit=x", "limit: 'x' is not a whole number."),
            ("/api/records?connection=stripe-1&model=stripe-customers&limit=x", "limit: 'x' is not a whole number."),
            ("/api/requests?before=x", "before: 'x' is not a whole number."),
            ("/api/requests?errors=maybe", "errors: 'maybe' is not true or false."),
            ("/api/requests?limit=99999999999", "limit: '99999999999' is not a whole number."),
        };

        foreach (var (url, detail) in cases)
        {
            using var response = await mooring.Client.GetAsync(url, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            text.ShouldNotBeEmpty(url);
            JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString().ShouldBe(detail, url);
        }
    }
}
