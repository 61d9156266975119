using Mooring.OAuth;

namespace Mooring.Core.Tests.OAuth;

public sealed class TokenErrorClassifierTests
{
    [Theory]
    [InlineData("invalid_grant", 400, "Terminal")]
    [InlineData("unauthorized_client", 400, "Terminal")]
    [InlineData("token_revoked", 200, "Terminal")] // Slack, ok:false at HTTP 200
    [InlineData("invalid_auth", 200, "Terminal")]
    [InlineData("some_new_error", 400, "Terminal")]
    [InlineData("temporarily_unavailable", 400, "Transient")]
    [InlineData("ratelimited", 200, "Transient")]
    [InlineData("some_new_error", 503, "Transient")]
    [InlineData("http_429", 429, "Transient")]
    [InlineData("invalid_client", 401, "Configuration")]
    [InlineData("incorrect_client_credentials", 200, "Configuration")] // GitHub
    public void Classify_ErrorAndStatus_Outcome(string error, int status, string expected) =>
        TokenErrorClassifier.Classify(error, status).ToString().ShouldBe(expected);
}
