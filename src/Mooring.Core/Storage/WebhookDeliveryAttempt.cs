namespace Mooring.Storage;

/// <summary>One attempt at forwarding an event: the delivery log.</summary>
public sealed record WebhookDeliveryAttempt
{
    /// <summary>The delivery attempted.</summary>
    public required long DeliveryId { get; init; }

    /// <summary>The attempt's number, from 1.</summary>
    public required int Attempt { get; init; }

    /// <summary>When it started.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The app's HTTP status, if it answered.</summary>
    public int? StatusCode { get; init; }

    /// <summary>How long it took.</summary>
    public double DurationMs { get; init; }

    /// <summary>What went wrong, if it did (never a secret).</summary>
    public string? Error { get; init; }
}
