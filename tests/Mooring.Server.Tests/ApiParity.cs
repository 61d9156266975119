using System.Net.Http.Json;
using System.Text.Json;

namespace Mooring.Server.Tests;

/// <summary>A command's refusal beside the management API's answer to the same request: the same words, and the exit code of the status.</summary>
internal static class ApiParity
{
    /// <summary>
    /// Runs <paramref name="command"/> and sends <paramref name="request"/>: the API answers <paramref name="status"/> with a
    /// detail naming <paramref name="field"/>, and the command says that detail alone on standard error, exiting 2 for a 400
    /// (with nothing on standard output) and 1 for any other status. Returns the run, for what else the caller expects of it.
    /// </summary>
    public static async Task<CliRun> ShouldRefuseAsTheApiDoesAsync(HttpClient api, string[] command, HttpRequestMessage request, int status, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        var cli = await CliRun.RunAsync(command);
        using var answer = await api.SendAsync(request, ct);
        var detail = (await answer.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString();

        ((int)answer.StatusCode).ShouldBe(status, field);
        detail.ShouldNotBeNull().ShouldContain(field);
        cli.ExitCode.ShouldBe(status == 400 ? 2 : 1, $"{field}: {cli.Output}{cli.Error}");
        cli.ErrorLines.ShouldHaveSingleItem().ShouldBe("mooring: " + detail);
        if (status == 400)
        {
            cli.Output.ShouldBeEmpty(field);
        }

        return cli;
    }
}
