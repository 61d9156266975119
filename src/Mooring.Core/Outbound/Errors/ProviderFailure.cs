using Mooring.Connections;
using Mooring.Providers;

namespace Mooring.Outbound.Errors;

/// <summary>Who was called and how, for the words of a <see cref="ProviderApiException"/>.</summary>
internal sealed record ProviderFailure(ProviderDefinition Provider, ConnectionId? ConnectionId, string Operation, int Attempts, TimeProvider Time);
