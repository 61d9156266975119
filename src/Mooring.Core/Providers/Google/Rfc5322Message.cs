using System.Globalization;
using System.Text;

namespace Mooring.Providers.Google;

/// <summary>
/// Writes an <see cref="EmailMessage"/> as an RFC 5322 message with MIME (RFC 2045/2046): non-ASCII header text as
/// RFC 2047 encoded words, bodies in UTF-8 and base64 (lines of 76), an HTML alternative as multipart/alternative.
/// Header values with line breaks are refused, so that no one can inject a header.
/// </summary>
internal static class Rfc5322Message
{
    private const string Crlf = "\r\n";

    public static string Write(EmailMessage message, DateTimeOffset date)
    {
        if (message.To.Count == 0)
        {
            throw new ArgumentException("An email needs at least one recipient (To).", nameof(message));
        }

        var text = new StringBuilder();
        if (message.From is { } from)
        {
            Header(text, "From", [from]);
        }

        Header(text, "To", message.To);
        Header(text, "Cc", message.Cc);
        Header(text, "Bcc", message.Bcc);
        text.Append("Subject: ").Append(EncodeWords(NoLineBreaks(message.Subject, "Subject"))).Append(Crlf);
        text.Append("Date: ").Append(date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture)).Append(Crlf);
        text.Append("MIME-Version: 1.0").Append(Crlf);
        if (message.HtmlBody is null)
        {
            Part(text, "text/plain", message.TextBody);
            return text.ToString();
        }

        var boundary = "mooring-" + Guid.NewGuid().ToString("N");
        text.Append("Content-Type: multipart/alternative; boundary=\"").Append(boundary).Append('"').Append(Crlf).Append(Crlf);
        text.Append("--").Append(boundary).Append(Crlf);
        Part(text, "text/plain", message.TextBody);
        text.Append(Crlf).Append("--").Append(boundary).Append(Crlf);
        Part(text, "text/html", message.HtmlBody);
        text.Append(Crlf).Append("--").Append(boundary).Append("--").Append(Crlf);
        return text.ToString();
    }

    private static void Part(StringBuilder text, string mediaType, string body)
    {
        text.Append("Content-Type: ").Append(mediaType).Append("; charset=UTF-8").Append(Crlf);
        text.Append("Content-Transfer-Encoding: base64").Append(Crlf).Append(Crlf);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        for (var i = 0; i < encoded.Length; i += 76)
        {
            text.Append(encoded.AsSpan(i, Math.Min(76, encoded.Length - i))).Append(Crlf);
        }
    }

    private static void Header(StringBuilder text, string name, IReadOnlyList<EmailAddress> addresses)
    {
        if (addresses.Count == 0)
        {
            return;
        }

        // One mailbox per line, folded (RFC 5322 2.2.3), so that long lists stay under the line length limit.
        text.Append(name).Append(": ").AppendJoin("," + Crlf + " ", addresses.Select(Mailbox)).Append(Crlf);
    }

    private static string Mailbox(EmailAddress mailbox)
    {
        var address = NoLineBreaks(mailbox.Address, "address");
        if (address.Any(c => c is '<' or '>' or ',' or ' ' or '"') || !address.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{address}' is not an email address.", nameof(mailbox));
        }

        if (string.IsNullOrEmpty(mailbox.DisplayName))
        {
            return address;
        }

        var name = NoLineBreaks(mailbox.DisplayName, "display name");
        var phrase = IsAscii(name) ? "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : EncodeWords(name);
        return $"{phrase} <{address}>";
    }

    /// <summary>RFC 2047 "B" encoded words of at most 75 characters, split between characters, never inside one.</summary>
    private static string EncodeWords(string value)
    {
        if (IsAscii(value))
        {
            return value;
        }

        const int maxBytes = 45; // 60 base64 characters + "=?UTF-8?B?" + "?=" = 72
        var words = new List<string>();
        var chunk = new StringBuilder();
        var bytes = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
                bytes = 0;
            }

            chunk.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }

        words.Add(Word(chunk.ToString()));
        return string.Join(Crlf + " ", words);
    }

    private static string Word(string text) => "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";

    private static bool IsAscii(string value) => value.All(c => c is >= ' ' and <= '~');

    private static string NoLineBreaks(string value, string what) =>
        value.AsSpan().IndexOfAny('\r', '\n') < 0 ? value : throw new ArgumentException($"The {what} of an email cannot contain a line break.", nameof(value));
}
