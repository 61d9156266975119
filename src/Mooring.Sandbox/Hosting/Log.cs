using Microsoft.Extensions.Logging;
using Mooring.Sandbox.Faults;

namespace Mooring.Sandbox.Hosting;

/// <summary>The sandbox's log lines: a fault that fired, with what is needed to replay it (never a token).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Injected {Kind} into {Provider} {Endpoint} (rule {RuleId}, match {MatchNumber})")]
    public static partial void FaultInjected(ILogger logger, FaultKind kind, string provider, string endpoint, int ruleId, long matchNumber);
}
