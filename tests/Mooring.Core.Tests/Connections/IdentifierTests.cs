using Mooring.Connections;

namespace Mooring.Core.Tests.Connections;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("conn-1")]
    [InlineData("Tenant_42:slack.main")]
    public void ConnectionId_Valid_Parses(string value) => ConnectionId.Parse(value).Value.ShouldBe(value);

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("has space", "contains ' '")]
    [InlineData("../etc/passwd", "contains '/'")]
    public void ConnectionId_Invalid_SaysWhy(string value, string reason)
    {
        ConnectionId.TryParse(value, out _, out var error).ShouldBeFalse();
        error.ShouldContain(reason);
    }

    [Fact]
    public void ConnectionId_TooLong_SaysTheLimit()
    {
        ConnectionId.TryParse(new string('a', 129), out _, out var error).ShouldBeFalse();
        error.ShouldContain("at most 128");
    }

    [Fact]
    public void ConnectionId_New_IsUniqueAndValid()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ConnectionId.New().Value).ToHashSet();

        ids.Count.ShouldBe(1000);
        foreach (var id in ids)
        {
            ConnectionId.TryParse(id, out var _, out var error).ShouldBeTrue(error);
        }
    }

    [Fact]
    public void ProviderKey_UpperCase_IsRejected()
    {
        ProviderKey.TryParse("Slack", out _, out var error).ShouldBeFalse();
        error.ShouldContain("lower-case");
    }

    [Fact]
    public void Credentials_ToString_NeverShowsSecrets()
    {
        var text = new ConnectionCredentials { AccessToken = "xoxb-1", RefreshToken = "r-1", ApiKey = "sk_1", Password = "pw" }.ToString();

        text.ShouldNotContain("xoxb-1");
        text.ShouldNotContain("sk_1");
        text.ShouldNotContain("pw");
    }
}
