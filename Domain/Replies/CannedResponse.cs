using System.Text.RegularExpressions;
using SocialEnterprise.Contracts.Replies;

namespace SocialEnterprise.Domain.Replies;

/// <summary>
/// A reply staff use again and again ("Thanks, {{customer.firstName}}…"), for one department or for everyone, found
/// by name or by its shortcut; its variables are filled in for the conversation it is used on.
/// </summary>
public sealed class CannedResponse
{
    private CannedResponse()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The text with <see cref="CannedResponseTemplate"/> variables.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The department that uses it; null for everyone.</summary>
    public string? Department { get; private set; }

    /// <summary>What staff type to find it quickly (unique), such as <c>thanks</c>.</summary>
    public string Shortcut { get; private set; } = "";

    public string UpdatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public static CannedResponse New(string name, string text, string? department, string shortcut, string by, DateTimeOffset now)
    {
        var canned = new CannedResponse { Id = Guid.CreateVersion7(now) };
        canned.Change(name, text, department, shortcut, by, now);
        return canned;
    }

    public void Change(string name, string text, string? department, string shortcut, string by, DateTimeOffset now)
    {
        Name = name;
        Text = text;
        Department = department;
        Shortcut = shortcut;
        UpdatedBy = by;
        UpdatedAt = now;
    }
}

/// <summary>
/// The variables a canned response may use, written <c>{{customer.firstName}}</c>, and their filling-in. An unknown
/// variable is refused when the response is saved, so that no customer ever reads a raw <c>{{…}}</c>.
/// </summary>
public static partial class CannedResponseTemplate
{
    public static readonly IReadOnlyList<string> Variables = CannedResponseVariables.All;

    /// <summary>What is wrong with <paramref name="text"/> as a template, in words; empty when nothing is.</summary>
    public static IReadOnlyList<string> Problems(string text)
    {
        var problems = new List<string>();
        foreach (Match match in Placeholder().Matches(text))
        {
            var name = match.Groups["name"].Value.Trim();
            if (!Variables.Contains(name, StringComparer.Ordinal))
            {
                problems.Add($"Unknown variable {{{{{name}}}}}; known: {string.Join(", ", Variables.Select(v => $"{{{{{v}}}}}"))}.");
            }
        }

        var rest = Placeholder().Replace(text, "");
        if (rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal))
        {
            problems.Add("A variable is not closed: write it as {{customer.firstName}}.");
        }

        return problems;
    }

    /// <summary><paramref name="text"/> with its variables filled in from <paramref name="values"/> (a variable without a value becomes empty).</summary>
    public static string Render(string text, TemplateValues values) =>
        Placeholder().Replace(text, match => match.Groups["name"].Value.Trim() switch
        {
            CannedResponseVariables.CustomerName => values.CustomerName,
            CannedResponseVariables.CustomerFirstName => FirstNameOf(values.CustomerName),
            CannedResponseVariables.AgentName => values.AgentName,
            CannedResponseVariables.AgentFirstName => FirstNameOf(values.AgentName),
            CannedResponseVariables.ConversationChannel => values.Channel,
            CannedResponseVariables.Department => values.Department,
            _ => match.Value,
        });

    public static string FirstNameOf(string name) => CannedResponseVariables.FirstNameOf(name);

    [GeneratedRegex(@"\{\{(?<name>[^{}]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <summary>What a canned response's variables are filled in with.</summary>
public sealed record TemplateValues(string CustomerName, string AgentName, string Channel, string Department);
