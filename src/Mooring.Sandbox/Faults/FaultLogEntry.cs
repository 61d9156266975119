namespace Mooring.Sandbox.Faults;

/// <summary>A fault that fired: enough to tell which request of a failing test met which fault.</summary>
/// <param name="RuleId">The identifier <see cref="SandboxControl.AddFault"/> returned.</param>
/// <param name="Provider">The provider of the request.</param>
/// <param name="Endpoint">The endpoint name of the request.</param>
/// <param name="MatchNumber">The ordinal of the request among those the rule matched, from 0.</param>
/// <param name="Kind">What the fault did.</param>
public sealed record FaultLogEntry(int RuleId, string Provider, string Endpoint, long MatchNumber, FaultKind Kind);
