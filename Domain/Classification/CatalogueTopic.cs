namespace SocialEnterprise.Domain.Classification;

/// <summary>A topic of the catalogue as stored and edited by admins; <see cref="ToTopic"/> gives the classifier's view.</summary>
public sealed class CatalogueTopic
{
    public const int MaxKeywords = 100;

    private CatalogueTopic()
    {
    }

    /// <summary>Lower-case, such as <c>billing</c>; messages and conversations refer to it.</summary>
    public string Key { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The department conversations on this topic go to unless a routing rule says otherwise.</summary>
    public string Department { get; private set; } = "";

    public string[] Keywords { get; private set; } = [];

    /// <summary>Words that decide the topic only when no keyword of any topic matches ("lamp", "bulb").</summary>
    public string[] BroadKeywords { get; private set; } = [];

    /// <summary>Catalogue order: ties between topics go to the earlier one.</summary>
    public int Position { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public static CatalogueTopic New(
        string key, string name, string department, IEnumerable<string> keywords, IEnumerable<string>? broadKeywords, int position, string by,
        DateTimeOffset now) => new()
    {
        Key = key,
        Name = name.Trim(),
        Department = department,
        Keywords = Clean(keywords),
        BroadKeywords = Clean(broadKeywords ?? []),
        Position = position,
        UpdatedAt = now,
        UpdatedBy = by,
    };

    /// <summary>Changes the topic; broad keywords stay as they are when not given.</summary>
    public void Change(string name, string department, IEnumerable<string> keywords, IEnumerable<string>? broadKeywords, string by, DateTimeOffset now)
    {
        Name = name.Trim();
        Department = department;
        Keywords = Clean(keywords);
        BroadKeywords = broadKeywords is null ? BroadKeywords : Clean(broadKeywords);
        UpdatedAt = now;
        UpdatedBy = by;
    }

    public Topic ToTopic() => new(Key, Name, Department, Keywords, BroadKeywords);

    /// <summary>What is wrong with a topic as written, field by field.</summary>
    public static Dictionary<string, string[]> Validate(string? key, string? name, string? department, IReadOnlyCollection<string>? keywords, IReadOnlySet<string> departments)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (key is not null && (key.Length is < 2 or > 40 || !key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')))
        {
            errors["key"] = ["2 to 40 characters: lower-case letters, digits and dashes."];
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 80)
        {
            errors["name"] = ["A name of 1 to 80 characters."];
        }

        if (department is null || !departments.Contains(department))
        {
            errors["department"] = [$"One of: {string.Join(", ", departments.Order(StringComparer.Ordinal))}."];
        }

        if (keywords is null || Clean(keywords).Length == 0)
        {
            errors["keywords"] = ["At least one keyword or phrase."];
        }
        else if (keywords.Count > MaxKeywords || keywords.Any(k => k?.Length > 80))
        {
            errors["keywords"] = [$"At most {MaxKeywords} keywords of at most 80 characters each."];
        }

        return errors;
    }

    private static string[] Clean(IEnumerable<string> keywords) =>
        keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
}
