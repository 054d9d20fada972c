using System.Runtime.InteropServices;
using SocialEnterprise.Simulator;

if (CommandLine.Interpret(args, SimulatorArguments.Parse, parsed => parsed.Help, SimulatorArguments.Usage, out var interpreted) is { } exit)
{
    return exit;
}

var arguments = interpreted!;

using var stopping = new CancellationTokenSource();

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

var total = await Simulation.RunAsync(arguments, Console.WriteLine, stopping.Token);
return total.Sent > 0 && total.Accepted + total.Duplicates == 0 ? 1 : 0;

/// <summary>The entry point; internal, so that test projects referencing this one see only the Api's or the Workers' Program.</summary>
internal partial class Program;
