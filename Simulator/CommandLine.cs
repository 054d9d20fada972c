using System.Globalization;

namespace SocialEnterprise.Simulator;

/// <summary>
/// The small command-line grammar the simulator and the ingest benchmark share: <c>--name value</c> options and
/// <c>--flag</c> switches, each at most once. Problems are thrown as <see cref="ArgumentException"/> with a message
/// fit for the user.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _values;

    private CommandLine(Dictionary<string, string> values) => _values = values;

    /// <summary>
    /// What a program does with its arguments before anything else: parsed, it goes on (null); asked for help, the
    /// usage and exit code 0; wrong, the problem, the usage and exit code 2.
    /// </summary>
    public static int? Interpret<T>(IReadOnlyList<string> args, Func<IReadOnlyList<string>, T> parse, Func<T, bool> help, string usage, out T? parsed)
        where T : class
    {
        parsed = null;
        try
        {
            parsed = parse(args);
        }
        catch (ArgumentException invalid)
        {
            Console.Error.WriteLine(invalid.Message);
            Console.Error.WriteLine();
            Console.Error.WriteLine(usage);
            return 2;
        }

        if (help(parsed))
        {
            Console.WriteLine(usage);
            return 0;
        }

        return null;
    }

    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!values.TryAdd(name, ""))
            {
                throw new ArgumentException($"{name} is given twice.");
            }

            if (flags.Contains(name))
            {
                continue;
            }

            if (!options.Contains(name))
            {
                throw new ArgumentException($"Unknown argument '{name}'.");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            values[name] = args[++i];
        }

        return new CommandLine(values);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string Text(string name, string fallback) =>
        _values.TryGetValue(name, out var value) ? value.Length > 0 ? value : throw new ArgumentException($"{name} must not be empty.") : fallback;

    public double PositiveNumber(string name, double fallback)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return fallback;
        }

        return double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number > 0 && double.IsFinite(number)
            ? number
            : throw new ArgumentException($"{name} must be a positive number, not '{value}'.");
    }

    public int PositiveInteger(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a whole number above zero, not '{value}'.");
    }

    public int Integer(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{name} must be a whole number, not '{value}'.");
    }

    /// <summary>An absolute http or https address, with a trailing slash so relative paths append to it.</summary>
    public Uri HttpAddress(string name, Uri fallback)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return fallback;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"{name} must be an http or https address such as http://localhost:5180, not '{value}'.");
        }

        return address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }
}
