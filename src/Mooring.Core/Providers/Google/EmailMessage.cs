namespace Mooring.Providers.Google;

/// <summary>An email for <see cref="GmailClient.SendEmailAsync"/>: plain text, optionally with an HTML alternative.</summary>
public sealed record EmailMessage
{
    /// <summary>The recipients; at least one.</summary>
    public required IReadOnlyList<EmailAddress> To { get; init; }

    /// <summary>Copies.</summary>
    public IReadOnlyList<EmailAddress> Cc { get; init; } = [];

    /// <summary>Blind copies (Gmail removes the header before delivery).</summary>
    public IReadOnlyList<EmailAddress> Bcc { get; init; } = [];

    /// <summary>The sender; Gmail uses the connected account when unset.</summary>
    public EmailAddress? From { get; init; }

    /// <summary>The subject, any Unicode text.</summary>
    public required string Subject { get; init; }

    /// <summary>The plain-text body.</summary>
    public required string TextBody { get; init; }

    /// <summary>An HTML version of the body, sent as <c>multipart/alternative</c> beside the text.</summary>
    public string? HtmlBody { get; init; }
}
