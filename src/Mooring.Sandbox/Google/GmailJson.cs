using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Mooring.Sandbox.Data;

namespace Mooring.Sandbox.Google;

/// <summary>Gmail's message resource (formats minimal, metadata, full and raw) and its 16-hex-digit ids.</summary>
internal static class GmailJson
{
    public static string Id(int seed, long index) => ((ulong)index ^ Mask(seed)).ToString("x16", CultureInfo.InvariantCulture);

    public static long? Index(int seed, string? id) =>
        id is { Length: 16 } && ulong.TryParse(id, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v) && (long)(v ^ Mask(seed)) >= 0 ? (long)(v ^ Mask(seed)) : null;

    public static JsonObject Reference(int seed, RecordState record) =>
        new() { ["id"] = Id(seed, record.Index), ["threadId"] = Id(seed, record.Index) };

    public static JsonObject Message(RecordStore mailbox, RecordState record, string format)
    {
        var seed = mailbox.Seed;
        var fields = mailbox.Fields(record.Index);
        var raw = fields?["raw"]?.GetValue<string>() ?? Rfc5322(seed, mailbox.Salt, record);
        var sent = fields is not null;
        var message = Reference(seed, record);
        message["labelIds"] = sent ? new JsonArray("SENT") : record.Version % 2 == 0 ? new JsonArray("INBOX", "UNREAD") : new JsonArray("INBOX");
        message["snippet"] = Names.Sentence(seed, mailbox.Salt, record.Index, 0, 8);
        message["historyId"] = (GoogleAccount.HistoryBase + record.Sequence).ToString(CultureInfo.InvariantCulture); // the last change to this message
        message["internalDate"] = record.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        message["sizeEstimate"] = raw.Length;
        if (format == "raw")
        {
            message["raw"] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(raw));
        }
        else if (format != "minimal")
        {
            var headers = new JsonArray();
            foreach (var line in raw.Split("\r\n\r\n")[0].Split("\r\n"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers.Add(new JsonObject { ["name"] = line[..colon], ["value"] = line[(colon + 1)..].Trim() });
                }
            }

            message["payload"] = new JsonObject { ["partId"] = string.Empty, ["mimeType"] = "text/plain", ["filename"] = string.Empty, ["headers"] = headers, ["body"] = new JsonObject { ["size"] = raw.Length } };
        }

        return message;
    }

    private static string Rfc5322(int seed, string salt, RecordState record)
    {
        var (first, last) = Names.Person(seed, salt, record.Index);
        return $"From: {first} {last} <{first.ToLowerInvariant()}@example.org>\r\nTo: {GoogleAccount.Email}\r\nSubject: {Names.Sentence(seed, salt + ":subject", record.Index, 0, 4)}\r\nDate: {record.CreatedAt.ToString("r", CultureInfo.InvariantCulture)}\r\nMessage-ID: <{record.Index}.{seed}@sandbox.example>\r\n\r\n{Names.Sentence(seed, salt, record.Index, 0, 30)}\r\n";
    }

    private static ulong Mask(int seed) => SplitMix.Hash(seed, "gmail", 0) & 0x0FFF_FFFF_FFFF_FFFFUL | 0x1000_0000_0000_0000UL;
}
