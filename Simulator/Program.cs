using System.Runtime.InteropServices;
using SocialEnterprise.Simulator;

SimulatorArguments arguments;
try
{
    arguments = SimulatorArguments.Parse(args);
}
catch (ArgumentException invalid)
{
    Console.Error.WriteLine(invalid.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(SimulatorArguments.Usage);
    return 2;
}

if (arguments.Help)
{
    Console.WriteLine(SimulatorArguments.Usage);
    return 0;
}

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
