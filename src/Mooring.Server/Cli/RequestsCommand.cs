using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Mooring.AspNetCore.Management;
using Mooring.Storage;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary>
/// <c>mooring requests list</c>: the outbound request log, read straight from the store, with what <c>GET /api/requests</c>
/// takes, its checks and words (<see cref="RequestLogRequest"/>): where it answers 400 the exit code is 2.
/// </summary>
internal static class RequestsCommand
{
    public static Command Create()
    {
        var requests = new Command("requests", "Read the log of calls made to providers.");
        requests.Add(List());
        return requests;
    }

    private static Command List()
    {
        var provider = new Option<string?>("--provider") { Description = "Only calls to this provider." };
        var connection = new Option<string?>("--connection") { Description = "Only calls for this connection." };
        var since = new Option<string?>("--since") { Description = "Only calls at or after this ISO 8601 time (UTC without an offset), e.g. 2026-11-28T22:00:00Z." };
        var errors = new Option<bool>("--errors") { Description = "Only failed attempts (those with an error category)." };
        var category = new Option<string?>("--category") { Description = "Only failed attempts in these categories (comma-separated, e.g. rate_limited,auth)." };
        var limit = new Option<int>("--limit") { Description = "The most to show (1 to 1000; 50 if omitted).", DefaultValueFactory = _ => 50 };
        var before = new Option<long?>("--before") { Description = "Only entries with an id below this one: the next page, from the id the previous one printed." };
        Symbol[] options = [provider, connection, since, errors, category, limit, before];
        return StoreCommand.Create("list", "List call attempts, newest first.", options, async (parse, services, console, ct) =>
        {
            if (!RequestLogRequest.TryQuery(
                parse.GetValue(provider), parse.GetValue(connection), parse.GetValue(since), parse.GetValue(before), parse.GetValue(limit),
                parse.GetValue(errors), parse.GetValue(category), out var query, out var problem))
            {
                return CliError.Report(parse, problem, 2);
            }

            var entries = await services.GetRequiredService<IRequestLogStore>().QueryAsync(query, ct).ConfigureAwait(false);
            console.Write(Table(entries));
            console.WriteLine($"{entries.Count} attempt(s).");
            if (entries.Count == query.Limit)
            {
                console.WriteLine($"More may follow: --before {entries[^1].Id.ToString(CultureInfo.InvariantCulture)}");
            }

            return 0;
        });
    }

    private static Table Table(IReadOnlyList<RequestLogEntry> entries)
    {
        var table = new Table().AddColumns("id", "time", "provider", "connection", "method", "path", "status", "ms", "attempt", "category");
        foreach (var e in entries)
        {
            table.AddRow(
                e.Id.ToString(CultureInfo.InvariantCulture), e.At.ToString("u", CultureInfo.InvariantCulture), Markup.Escape(e.Provider.Value),
                Markup.Escape(e.ConnectionId?.Value ?? string.Empty), Markup.Escape(e.Method), Markup.Escape(e.Path),
                e.Status?.ToString(CultureInfo.InvariantCulture) ?? "-", e.DurationMs.ToString("0.#", CultureInfo.InvariantCulture),
                e.Attempt.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.ErrorCategory ?? string.Empty));
        }

        return table;
    }
}
