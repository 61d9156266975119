using System.Text;
using Microsoft.Extensions.Logging;
using Mooring.Connections;
using Mooring.Providers;
using Mooring.Security;
using Mooring.Storage;

namespace Mooring.OAuth;

/// <summary>
/// Completes an authorization: takes the state once (unknown, used, expired or from another browser fails), checks the
/// issuer (RFC 9207), turns a provider error into words, exchanges the code with the same redirect URI and the PKCE
/// verifier, and stores the connection with its tokens encrypted.
/// </summary>
internal sealed class CallbackHandler(
    IOAuthStateStore states,
    IProviderCatalog catalog,
    ISecretProtector protector,
    TokenEndpointClient tokenEndpoint,
    ConnectionSaver saver,
    TimeProvider time,
    ILogger<CallbackHandler> logger)
{
    public async Task<ConnectOutcome> CompleteAsync(CallbackParameters callback, string? browserBinding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (string.IsNullOrEmpty(callback.State) || callback.State.Length > 512)
        {
            return Refused("missing_state", CallbackMessages.InvalidState);
        }

        var record = await states.ConsumeAsync(OAuthRandom.Hash(callback.State), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Refused("invalid_state", CallbackMessages.InvalidState);
        }

        if (browserBinding is null || !OAuthRandom.HashesEqual(OAuthRandom.Hash(browserBinding), record.BrowserBindingHash))
        {
            return Refused("browser_mismatch", CallbackMessages.OtherBrowser);
        }

        var provider = await catalog.GetResolvedAsync(record.Provider, cancellationToken).ConfigureAwait(false);
        var name = Messages.Name(provider);
        if (IssuerProblem(provider.OAuth2!, callback.Issuer) is { } issuerError)
        {
            return Refused("invalid_issuer", issuerError, provider);
        }

        if (callback.Error is { } error)
        {
            Log.ConnectFailed(logger, provider.Key.Value, error);
            return ConnectOutcome.Failed(error, CallbackMessages.ProviderError(name, error), provider.Key, name);
        }

        if (string.IsNullOrEmpty(callback.Code))
        {
            return Refused("missing_code", CallbackMessages.NoCode(name), provider);
        }

        var verifier = Encoding.ASCII.GetString(protector.Unprotect(record.CodeVerifier, SecretKinds.Context(SecretKinds.OAuthState, record.StateHash)));
        var pkce = provider.OAuth2!.Pkce == PkceSupport.None ? null : verifier;
        // One attempt: a code is single use, so a retry after a lost answer could only fail (or, at a lax server, mint twice).
        var result = await tokenEndpoint.ExchangeCodeAsync(provider, callback.Code, record.RedirectUri, pkce, cancellationToken).ConfigureAwait(false);
        if (result.Outcome != TokenOutcome.Success)
        {
            Log.ConnectFailed(logger, provider.Key.Value, result.Error!);
            return ConnectOutcome.Failed(result.Error!, CallbackMessages.ExchangeFailed(name, result), provider.Key, name);
        }

        var connection = await saver.SaveAsync(record, result with { Metadata = WithCallbackMetadata(provider.OAuth2!, callback, result.Metadata) }, cancellationToken)
            .ConfigureAwait(false);
        return new ConnectOutcome { Connection = connection, Provider = provider.Key, ProviderName = name };
    }

    private static IReadOnlyDictionary<string, string> WithCallbackMetadata(
        OAuth2Settings oauth, CallbackParameters callback, IReadOnlyDictionary<string, string> fromTokenResponse)
    {
        if (oauth.CallbackMetadata.Count == 0)
        {
            return fromTokenResponse;
        }

        var metadata = new Dictionary<string, string>(fromTokenResponse, StringComparer.Ordinal);
        foreach (var (key, parameter) in oauth.CallbackMetadata)
        {
            if (callback.Other(parameter) is { Length: > 0 and <= 200 } value)
            {
                metadata[key] = value;
            }
        }

        return metadata;
    }

    private static string? IssuerProblem(OAuth2Settings oauth, string? issuer)
    {
        // RFC 9207 section 2.4: where the server advertises iss, it must be present and equal; where it sends one unasked, it must still match.
        if (oauth.Issuer is null)
        {
            return null;
        }

        if (issuer is null)
        {
            return oauth.AuthorizationResponseIssParameterSupported ? CallbackMessages.IssuerMissing : null;
        }

        return string.Equals(issuer, oauth.Issuer, StringComparison.Ordinal) ? null : CallbackMessages.IssuerMismatch;
    }

    private ConnectOutcome Refused(string error, string message, ProviderDefinition? provider = null)
    {
        Log.CallbackRefused(logger, error);
        return ConnectOutcome.Failed(error, message, provider?.Key, provider is null ? null : Messages.Name(provider));
    }
}
