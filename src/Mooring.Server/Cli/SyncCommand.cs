using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Mooring.AspNetCore.Sync;
using Mooring.Connections;
using Mooring.Storage;
using Mooring.Sync;
using Spectre.Console;

namespace Mooring.Server.Cli;

/// <summary>
/// <c>mooring sync list | trigger | pause | resume | runs</c>: sync state and requests, straight from the store; a running
/// server does the runs. They take what <c>/api/syncs</c> takes, with its checks and words (<see cref="SyncRequest"/>):
/// where it answers 400 the exit code is 2, where it answers 404 it is 1.
/// </summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var sync = new Command("sync", "Show, trigger, pause and resume data syncs.");
        sync.Add(List());
        sync.Add(Trigger());
        sync.Add(Toggle("pause", "Pause scheduled and webhook-triggered runs of a model for a connection.", (m, c, model, ct) => m.PauseAsync(c, model, ct), "Paused"));
        sync.Add(Toggle("resume", "Resume scheduled runs of a model for a connection.", (m, c, model, ct) => m.ResumeAsync(c, model, ct), "Resumed"));
        sync.Add(Runs());
        return sync;
    }

    private static Command List()
    {
        var connection = new Argument<string>("connection") { Description = "The connection's id." };
        return StoreCommand.Create("list", "Show each model's sync for a connection: last synced, in progress, paused, records, last run.", [connection], (parse, services, console, ct) => OnConnectionAsync(parse, connection, async id =>
        {
            var statuses = await services.GetRequiredService<ISyncManager>().GetStatusAsync(id, ct).ConfigureAwait(false);
            // Two lines per model: a table of eight columns wraps the model names on a terminal of 80.
            foreach (var s in statuses)
            {
                var lastRun = s.LastRun is null ? "none" : $"{Kind(s.LastRun.Kind)} {s.LastRun.Status.ToString().ToLowerInvariant()}{(s.LastRun.Error is null ? string.Empty : ": " + s.LastRun.Error)}";
                console.WriteLine(
                    $"{s.Model}: last synced {s.LastSyncedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never"}, {(s.InProgress ? "in progress" : "idle")}{(s.Paused ? ", paused" : string.Empty)}"
                    + $"{(s.Requested is null ? string.Empty : $", {Kind(s.Requested.Kind)} requested")}");
                console.WriteLine($"  {s.Records.ToString(CultureInfo.InvariantCulture)} records, last run {lastRun}");
            }

            console.WriteLine($"{statuses.Count} model(s).");
            return 0;
        }));
    }

    private static Command Trigger()
    {
        var (connection, model) = Target();
        var full = new Option<bool>("--full") { Description = "A full sync (everything, with deletions) instead of an incremental one." };
        var force = new Option<bool>("--force") { Description = "With --full: delete what the pass did not see even beyond Mooring:Sync:MaxDeleteShare." };
        return StoreCommand.Create("trigger", "Ask for a run now; the running server starts it at its next poll.", [connection, model, full, force], async (parse, services, console, ct) =>
        {
            if (parse.GetValue(force) && !parse.GetValue(full))
            {
                return CliError.Report(parse, "--force applies to a full sync only; add --full.", 2);
            }

            var request = new SyncRunRequest(parse.GetValue(full) ? SyncRunKind.Full : SyncRunKind.Incremental, parse.GetValue(force));
            return await ActAsync(parse, console, connection, id => services.GetRequiredService<ISyncManager>().RequestAsync(id, parse.GetValue(model)!, request, ct), $"Requested a {Kind(request.Kind)} sync{(request.Force ? " (forced)" : string.Empty)}.").ConfigureAwait(false);
        });
    }

    private static Command Toggle(string name, string description, Func<ISyncManager, ConnectionId, string, CancellationToken, Task> act, string done)
    {
        var (connection, model) = Target();
        return StoreCommand.Create(name, description, [connection, model], (parse, services, console, ct) =>
            ActAsync(parse, console, connection, id => act(services.GetRequiredService<ISyncManager>(), id, parse.GetValue(model)!, ct), $"{done}."));
    }

    private static Command Runs()
    {
        var (connection, model) = Target();
        var limit = new Option<int>("--limit") { Description = "The most to show (1 to 1000; 20 if omitted).", DefaultValueFactory = _ => 20 };
        return StoreCommand.Create("runs", "The sync log of a model for a connection, newest first.", [connection, model, limit], (parse, services, console, ct) => OnConnectionAsync(parse, connection, async id =>
        {
            if (!SyncRequest.TryLimit(parse.GetValue(limit), out var problem))
            {
                return CliError.Report(parse, problem, 2);
            }

            var runs = await services.GetRequiredService<ISyncManager>().ListRunsAsync(id, parse.GetValue(model)!, parse.GetValue(limit), ct).ConfigureAwait(false);
            var table = new Table().AddColumns("id", "kind", "status", "started", "finished", "pages", "added", "updated", "deleted", "error");
            foreach (var r in runs)
            {
                table.AddRow(
                    r.Id.ToString(CultureInfo.InvariantCulture), Kind(r.Kind), r.Status.ToString().ToLowerInvariant(), r.StartedAt.ToString("u", CultureInfo.InvariantCulture),
                    r.FinishedAt?.ToString("u", CultureInfo.InvariantCulture) ?? string.Empty, r.Pages.ToString(CultureInfo.InvariantCulture), r.Added.ToString(CultureInfo.InvariantCulture),
                    r.Updated.ToString(CultureInfo.InvariantCulture), r.Deleted.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Error ?? string.Empty));
            }

            console.Write(table);
            console.WriteLine($"{runs.Count} run(s).");
            return 0;
        }));
    }

    private static (Argument<string> Connection, Argument<string> Model) Target() =>
        (new Argument<string>("connection") { Description = "The connection's id." }, new Argument<string>("model") { Description = "The model, such as stripe-customers." });

    private static Task<int> ActAsync(ParseResult parse, IAnsiConsole console, Argument<string> connection, Func<ConnectionId, Task> act, string done) =>
        OnConnectionAsync(parse, connection, async id =>
        {
            await act(id).ConfigureAwait(false);
            console.WriteLine(done);
            return 0;
        });

    /// <summary>
    /// Runs <paramref name="act"/> for the connection named by <paramref name="connection"/>: a malformed id is refused
    /// with exit code 2, a connection or model that is not there with 1, in the API's words.
    /// </summary>
    private static async Task<int> OnConnectionAsync(ParseResult parse, Argument<string> connection, Func<ConnectionId, Task<int>> act)
    {
        if (!SyncRequest.TryConnection(parse.GetValue(connection)!, out var id, out var problem))
        {
            return CliError.Report(parse, problem, 2);
        }

        try
        {
            return await act(id).ConfigureAwait(false);
        }
        catch (Exception ex) when (SyncRequest.NotFound(ex) is { } notFound)
        {
            return CliError.Report(parse, notFound, 1);
        }
    }

    private static string Kind(SyncRunKind kind) => kind.ToString().ToLowerInvariant();
}
