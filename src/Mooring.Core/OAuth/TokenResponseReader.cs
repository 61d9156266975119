using System.Net.Sockets;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Mooring.Providers;
using Mooring.Providers.TokenResponses;

namespace Mooring.OAuth;

/// <summary>Turns a Duende <see cref="TokenResponse"/> into a classified <see cref="TokenEndpointResult"/> through the provider's mapper.</summary>
internal sealed class TokenResponseReader(TokenResponseMappers mappers)
{
    public TokenEndpointResult Read(ProviderDefinition provider, TokenResponse response, CancellationToken cancellationToken)
    {
        if (response.ErrorType == ResponseErrorType.Exception)
        {
            if (response.Exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            var code = response.Exception is HttpRequestException { InnerException: SocketException } ? "network_error" : "request_failed";
            return TokenEndpointResult.Failed(TokenOutcome.Transient, code, response.Exception?.Message);
        }

        var status = (int)response.HttpStatusCode;
        var retryAfter = response.HttpResponse?.Headers.RetryAfter?.Delta;
        if (response.Json is not { ValueKind: JsonValueKind.Object } json)
        {
            var outcome = TokenErrorClassifier.ClassifyStatus(status) ?? TokenOutcome.Configuration;
            return TokenEndpointResult.Failed(outcome, $"http_{status}", "The token endpoint did not answer with JSON.", status) with { RetryAfter = retryAfter };
        }

        var mapped = mappers.For(provider).Map(provider, status, json);
        if (mapped.IsSuccess && status is >= 200 and < 300)
        {
            return new TokenEndpointResult { Outcome = TokenOutcome.Success, Token = mapped.Token, UserToken = mapped.UserToken, Metadata = mapped.Metadata, StatusCode = status };
        }

        var error = mapped.Error ?? $"http_{status}";
        return new TokenEndpointResult
        {
            Outcome = TokenErrorClassifier.Classify(error, status),
            Error = error,
            ErrorDescription = mapped.ErrorDescription,
            StatusCode = status,
            RetryAfter = retryAfter,
        };
    }
}
