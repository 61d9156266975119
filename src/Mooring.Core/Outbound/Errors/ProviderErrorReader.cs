using System.Text.Json;
using Mooring.Connections;
using Mooring.Outbound.Pipeline;
using Mooring.Providers;
using Mooring.Providers.TokenResponses;

namespace Mooring.Outbound.Errors;

/// <summary>
/// Turns a provider's answer into a <see cref="ProviderApiException"/> through the provider's <see cref="ErrorShape"/>:
/// Slack's <c>ok:false</c> with HTTP 200, Stripe's error object (card_error, decline_code), Google's
/// <c>error.errors[].reason</c> and <c>status</c>, GitHub's <c>message</c>. The message names the provider, the
/// operation and the code with a plain-words explanation; it never holds a secret or the body.
/// </summary>
internal static class ProviderErrorReader
{
    private const int MaxProviderMessage = 200;

    /// <summary>The error the answer carries, or <see langword="null"/> when it is a success.</summary>
    public static ProviderApiException? Read(ProviderFailure failure, HttpResponseMessage response, JsonElement? body)
    {
        var provider = failure.Provider;
        var shape = provider.Errors;
        var status = (int)response.StatusCode;
        if (!IsFailure(shape, status, body, out var okFalse))
        {
            return null;
        }

        var (fields, code) = Inspect(shape, body);
        var category = Categorize(provider, response, status, code, fields);
        var now = failure.Time.GetUtcNow();
        var retryAfter = category == ProviderErrorCategory.RateLimited ? ResponseSignals.LimitedWait(provider, response, now) : null;
        return new ProviderApiException(Message(failure, status, okFalse, code, fields))
        {
            Provider = provider.Key,
            ConnectionId = failure.ConnectionId,
            Operation = failure.Operation,
            Category = category,
            StatusCode = status,
            ProviderCode = code,
            ProviderMessage = fields.Message,
            DeclineCode = fields.DeclineCode,
            Parameter = fields.Param,
            IsRetryable = ErrorCategoryNames.IsRetryable(category),
            RetryAfter = retryAfter,
            Attempts = failure.Attempts,
        };
    }

    /// <summary>
    /// Whether the answer is a rate limit by the same reading as <see cref="Read"/>, the body included: Google's 403
    /// <c>userRateLimitExceeded</c>, GitHub's 403 "You have exceeded a secondary rate limit", Slack's
    /// <c>{"ok":false,"error":"ratelimited"}</c> (with HTTP 200 or 429), a 429.
    /// </summary>
    public static bool IsRateLimited(ProviderDefinition provider, HttpResponseMessage response, JsonElement? body) =>
        VerdictOf(provider, response, body)?.Category == ProviderErrorCategory.RateLimited;

    /// <summary>
    /// What a failed answer says, from its status, headers and body: its category, and whether its code is one of the
    /// provider's <see cref="ErrorShape.ExpiredTokenCodes"/>; <see langword="null"/> when it did not fail.
    /// </summary>
    public static ErrorVerdict? VerdictOf(ProviderDefinition provider, HttpResponseMessage response, JsonElement? body)
    {
        var shape = provider.Errors;
        var status = (int)response.StatusCode;
        if (!IsFailure(shape, status, body, out _))
        {
            return null;
        }

        var (fields, code) = Inspect(shape, body);
        return new ErrorVerdict(
            Categorize(provider, response, status, code, fields), Lists(shape.ExpiredTokenCodes, code, fields), Mentions(provider.RateLimits.LimitedMessages, fields.Message));
    }

    /// <summary>An error status, or a success whose body says it failed (Slack's <c>ok:false</c>, flagged in <paramref name="okFalse"/>).</summary>
    private static bool IsFailure(ErrorShape shape, int status, JsonElement? body, out bool okFalse)
    {
        okFalse = body is { } b && shape.Success is not null && JsonPointer.Boolean(b, shape.Success) == false;
        return status >= 400 || okFalse;
    }

    private static (Fields Fields, string? Code) Inspect(ErrorShape shape, JsonElement? body)
    {
        var fields = body is { ValueKind: JsonValueKind.Object } root ? Fields.From(shape, root) : new Fields(null, null, null, null, null, null, null, null);
        return (fields, fields.Reason ?? NonNumeric(fields.Code) ?? NonNumeric(fields.Status));
    }

    private static ProviderErrorCategory Categorize(ProviderDefinition provider, HttpResponseMessage response, int status, string? code, Fields fields)
    {
        var limits = provider.RateLimits;
        if (ResponseSignals.IsRateLimited(provider, response) || Lists(limits.LimitedErrorCodes, code, fields) || Mentions(limits.LimitedMessages, fields.Message))
        {
            return ProviderErrorCategory.RateLimited;
        }

        if (code is not null && ErrorExplanations.NeedsReconnect.Contains(code))
        {
            return ProviderErrorCategory.NeedsReconnect;
        }

        // An expired token that the one refresh did not cure: refused like a 401 after it. A scope the token lacks: like a 403.
        if (Lists(provider.Errors.ExpiredTokenCodes, code, fields) || code is not null && ErrorExplanations.Forbidden.Contains(code))
        {
            return ProviderErrorCategory.Auth;
        }

        if (code is not null && ErrorExplanations.NotFound.Contains(code))
        {
            return ProviderErrorCategory.NotFound;
        }

        if (ErrorCategoryNames.OfStatus(status) is { } byStatus)
        {
            return byStatus;
        }

        // Slack's ok:false arrives with 200: the code alone tells a failure of Slack from a request it refused.
        return code is not null && ErrorExplanations.Unavailable.Contains(code) ? ProviderErrorCategory.ProviderUnavailable : ProviderErrorCategory.Validation;
    }

    private static string Message(ProviderFailure failure, int status, bool okFalse, string? code, Fields fields)
    {
        var name = failure.Provider.DisplayName.Length > 0 ? failure.Provider.DisplayName : failure.Provider.Key.Value;
        var verb = status >= 500 ? "failed" : "rejected";
        var what = code ?? (okFalse ? "an error" : $"HTTP {status}");
        if (status >= 400 && code is not null)
        {
            what = $"HTTP {status} {code}";
        }

        var decline = fields.DeclineCode is { } d ? $", decline code {d}" : string.Empty;
        var why = ErrorExplanations.For(fields.DeclineCode) ?? ErrorExplanations.For(code, fields.NeededScope) ?? Truncate(fields.Message);
        var attempts = failure.Attempts > 1 ? $" after {failure.Attempts} attempts" : string.Empty;
        return why is null
            ? $"{name} {verb} {failure.Operation}: {what}{decline}{attempts}"
            : $"{name} {verb} {failure.Operation}: {what}{decline} ({why}){attempts}";
    }

    /// <summary>Whether <paramref name="codes"/> (a list of the definition) holds the answer's code or reason.</summary>
    private static bool Lists(IReadOnlyList<string> codes, string? code, Fields fields) =>
        codes.Count > 0 && ((code is not null && codes.Contains(code)) || (fields.Code is { } c && codes.Contains(c)));

    /// <summary>Whether the answer's message holds one of <paramref name="phrases"/> (GitHub's "secondary rate limit"), ignoring case.</summary>
    private static bool Mentions(IReadOnlyList<string> phrases, string? message)
    {
        if (message is null)
        {
            return false;
        }

        foreach (var phrase in phrases)
        {
            if (message.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A code unless it is only the HTTP status again (Google's <c>error.code</c> 403, GitHub's <c>status</c> "404").</summary>
    private static string? NonNumeric(string? code) => code is not null && !code.All(char.IsAsciiDigit) ? code : null;

    private static string? Truncate(string? text) =>
        text is null ? null : text.Length <= MaxProviderMessage ? text : string.Concat(text.AsSpan(0, MaxProviderMessage), "…");

    private sealed record Fields(string? Code, string? Message, string? Type, string? Reason, string? Status, string? DeclineCode, string? Param, string? NeededScope)
    {
        public static Fields From(ErrorShape shape, JsonElement root) => new(
            JsonPointer.String(root, shape.Code),
            Text(root, shape.Message),
            JsonPointer.String(root, shape.Type),
            JsonPointer.String(root, shape.Reason),
            JsonPointer.String(root, shape.Status),
            JsonPointer.String(root, shape.DeclineCode),
            JsonPointer.String(root, shape.Param),
            JsonPointer.String(root, shape.NeededScope));

        /// <summary>The string at <paramref name="pointer"/>, or the strings of an array there joined (Slack's <c>response_metadata.messages</c>).</summary>
        private static string? Text(JsonElement root, string? pointer)
        {
            if (JsonPointer.Find(root, pointer) is not { ValueKind: JsonValueKind.Array } lines)
            {
                return JsonPointer.String(root, pointer);
            }

            var texts = lines.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.String).Select(l => l.GetString()).Where(t => !string.IsNullOrEmpty(t));
            var joined = string.Join("; ", texts);
            return joined.Length > 0 ? joined : null;
        }
    }
}
