using Mooring.Server.Cli;

return await MooringCli.RunAsync(args).ConfigureAwait(false);
