using System.Runtime.InteropServices;
using SocialEnterprise.LocalRunner;
using SocialEnterprise.Shared;
using SocialEnterprise.Simulator;

if (CommandLine.Interpret(args, RunnerArguments.Parse, parsed => parsed.Help, RunnerArguments.Usage, out var interpreted) is { } exit)
{
    return exit;
}

var arguments = interpreted!;

var log = RunnerLog.Console();
var options = LocalStackOptions.FromEnvironment(RepositoryRoot.Find(AppContext.BaseDirectory), Environment.GetEnvironmentVariable);

using var stopping = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    if (!stopping.IsCancellationRequested)
    {
        log.Line("runner", $"{context.Signal}: stopping every service");
        stopping.Cancel();
    }
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);

try
{
    log.Line("runner", $"data in {options.DataDirectory}");
    await using var stack = await LocalStack.StartAsync(options, log, stopping.Token);
    log.Line("runner", "");
    log.Line("runner", $"  Workspace  {stack.WebUrl}");
    log.Line("runner", $"  Api        {stack.ApiUrl}  (OpenAPI: {stack.ApiUrl}openapi/v1.json)");
    log.Line("runner", $"  Workers    {stack.WorkersUrl}health");
    log.Line("runner", $"  PostgreSQL 127.0.0.1:{options.PostgresPort}  Redis 127.0.0.1:{options.CachePort}");
    log.Line("runner", $"  Sign in as admin@{AccessSettings.DemoDomain} / {AccessSettings.DemoPassword} (the other demo staff: README)");
    log.Line("runner", $"  Api key for your own calls: {AccessSettings.DevAdminKey}  (curl -H 'Authorization: Bearer {AccessSettings.DevAdminKey}' {stack.ApiUrl}api/me)");
    log.Line("runner", "");
    log.Line("runner", "Ctrl-C stops everything.");

    // The simulation stops with the runner, and also when a service exits on its own.
    using var simulating = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
    var simulation = arguments.SimulateRate is { } rate
        ? Simulation.RunAsync(new SimulatorArguments { Api = stack.ApiUrl, Rate = rate }, line => log.Line("simulator", line), simulating.Token)
        : null;
    try
    {
        var exited = await stack.WaitForAnyExitAsync(stopping.Token);
        log.Line("runner", $"{exited} exited on its own; stopping the rest");
        return 1;
    }
    finally
    {
        await simulating.CancelAsync();
        if (simulation is not null)
        {
            try
            {
                await simulation;
            }
            catch (Exception exception)
            {
                // The services must still be stopped cleanly, whatever went wrong with the traffic.
                log.Line("simulator", $"stopped with an error: {exception.Message}");
            }
        }
    }
}
catch (PrerequisiteMissingException missing)
{
    log.Line("runner", missing.Message);
    return 2;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    log.Line("runner", "stopped");
    return 0;
}
catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
{
    log.Line("runner", $"could not start: {exception.Message}");
    return 1;
}

/// <summary>The entry point; internal, so that test projects referencing this one see only the Api's or the Workers' Program.</summary>
internal partial class Program;
