using Microsoft.Extensions.Options;
using Mooring.Connections;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Mooring.OAuth;

/// <summary>
/// The resilience pipeline around every token endpoint call: a timeout per attempt, and retries of transient outcomes
/// (5xx, 429, timeouts, network errors) with exponential backoff and jitter, honouring <c>Retry-After</c>.
/// Terminal and configuration outcomes pass straight through.
/// </summary>
internal sealed class TokenRequestPipeline
{
    public TokenRequestPipeline(IOptions<ConnectionsOptions> options, TimeProvider time)
    {
        var o = options.Value;
        Pipeline = new ResiliencePipelineBuilder<TokenEndpointResult> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<TokenEndpointResult>
            {
                MaxRetryAttempts = o.TokenRequestRetries,
                Delay = o.TokenRequestRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Result: { Outcome: TokenOutcome.Transient } r } => r.RetryAfter is null || r.RetryAfter <= ConnectionsConstants.LongestRetryAfter,
                    { Exception: TimeoutRejectedException or HttpRequestException } => true,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } wait && wait > TimeSpan.Zero ? wait : (TimeSpan?)null),
            })
            .AddTimeout(o.TokenRequestTimeout)
            .Build();
    }

    public ResiliencePipeline<TokenEndpointResult> Pipeline { get; }

    /// <summary>Runs <paramref name="call"/> through the pipeline; a last timeout or network failure becomes a transient result.</summary>
    public async Task<TokenEndpointResult> ExecuteAsync(Func<CancellationToken, Task<TokenEndpointResult>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await Pipeline.ExecuteAsync(async token => await call(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            return TokenEndpointResult.Failed(TokenOutcome.Transient, "timeout", ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return TokenEndpointResult.Failed(TokenOutcome.Transient, "network_error", ex.Message);
        }
    }
}
