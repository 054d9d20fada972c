namespace SocialEnterprise.LocalServers;

/// <summary>Where servers run as child processes write: one line at a time, each with the name of who wrote it.</summary>
public sealed class ServerLog(TextWriter writer, bool color)
{
    private static readonly string[] Colors = ["\u001b[36m", "\u001b[35m", "\u001b[33m", "\u001b[32m", "\u001b[34m", "\u001b[91m"];
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _colorByName = [];

    public static ServerLog Console() =>
        new(System.Console.Out, !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);

    public void Line(string name, string text)
    {
        lock (_gate)
        {
            if (color)
            {
                if (!_colorByName.TryGetValue(name, out var code))
                {
                    code = Colors[_colorByName.Count % Colors.Length];
                    _colorByName[name] = code;
                }

                writer.WriteLine($"{code}{name,-9}|\u001b[0m {text}");
            }
            else
            {
                writer.WriteLine($"{name,-9}| {text}");
            }

            writer.Flush();
        }
    }
}
