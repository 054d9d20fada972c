using System.Text.RegularExpressions;
using SocialEnterprise.Contracts.Filtering;

namespace SocialEnterprise.Domain.Filtering;

/// <summary>
/// One explainable rule of the noise filter, edited by admins. Keep rules (VIP authors, allowed keywords) win over
/// drop rules, so that a spam pattern can never hide an important customer.
/// </summary>
public sealed class NoiseRule
{
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(50);

    private NoiseRule()
    {
    }

    public Guid Id { get; private set; }

    public string Kind { get; private set; } = "";

    /// <summary>A regular expression (spam pattern), a handle such as <c>x:@spammer</c> or <c>@spammer</c>, or a keyword phrase.</summary>
    public string Pattern { get; private set; } = "";

    public string Description { get; private set; } = "";

    public bool Enabled { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public static NoiseRule New(string kind, string pattern, string description, bool enabled, string by, DateTimeOffset now, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(now),
        Kind = kind,
        Pattern = pattern.Trim(),
        Description = description.Trim(),
        Enabled = enabled,
        UpdatedAt = now,
        UpdatedBy = by,
    };

    public void Change(string kind, string pattern, string description, bool enabled, string by, DateTimeOffset now)
    {
        Kind = kind;
        Pattern = pattern.Trim();
        Description = description.Trim();
        Enabled = enabled;
        UpdatedAt = now;
        UpdatedBy = by;
    }

    /// <summary>What is wrong with a rule as written, field by field; empty when it can be saved.</summary>
    public static Dictionary<string, string[]> Validate(string? kind, string? pattern, string? description)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (kind is null || !NoiseRuleKinds.All.Contains(kind))
        {
            errors["kind"] = [$"Must be one of {string.Join(", ", NoiseRuleKinds.All)}."];
        }

        if (kind != NoiseRuleKinds.Banter)
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                errors["pattern"] = ["Required."];
            }
            else if (pattern.Length > NoiseRuleLimits.MaxPatternLength)
            {
                errors["pattern"] = [$"At most {NoiseRuleLimits.MaxPatternLength} characters."];
            }
            else if (kind == NoiseRuleKinds.SpamPattern)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout);
                }
                catch (ArgumentException exception)
                {
                    errors["pattern"] = [$"Not a valid regular expression: {exception.Message}"];
                }
            }
        }

        if (description is { Length: > 500 })
        {
            errors["description"] = ["At most 500 characters."];
        }

        return errors;
    }
}
