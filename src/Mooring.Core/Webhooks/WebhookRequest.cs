using Mooring.Storage;

namespace Mooring.Webhooks;

/// <summary>What a verifier sees of an incoming delivery: the raw body, byte for byte, and a header lookup.</summary>
/// <param name="Body">The body exactly as received.</param>
/// <param name="Header">Returns a header's value, or <see langword="null"/> when absent (names are case-insensitive).</param>
/// <param name="Channel">
/// For channel schemes (<see cref="Providers.WebhookSignatureScheme.GoogleChannelToken"/>): the registered channel the
/// delivery names, looked up before verification; <see langword="null"/> when it names none Mooring knows.
/// </param>
internal readonly record struct WebhookRequest(ReadOnlyMemory<byte> Body, Func<string, string?> Header, WebhookChannelRecord? Channel = null);
