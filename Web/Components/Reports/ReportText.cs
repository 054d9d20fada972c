using System.Globalization;
using SocialEnterprise.Contracts.Staff;

namespace SocialEnterprise.Web.Components.Reports;

/// <summary>How the reports put figures into words.</summary>
public static class ReportText
{
    /// <summary>Who may open the reports: the same people the Api lets read them.</summary>
    public const string Overseers = $"{StaffRoles.Admin},{StaffRoles.Manager}";

    /// <summary>A duration as people say it: "45 s", "12 min", "1 h 20 min", "2 d 4 h"; a dash for none.</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } value || double.IsNaN(value))
        {
            return "—";
        }

        var total = (long)Math.Round(value);
        var (days, hours, minutes, rest) = (total / 86_400, total % 86_400 / 3_600, total % 3_600 / 60, total % 60);
        return total switch
        {
            < 60 => $"{total} s",
            < 3_600 => rest == 0 ? $"{minutes} min" : $"{minutes} min {rest} s",
            < 86_400 => minutes == 0 ? $"{hours} h" : $"{hours} h {minutes} min",
            _ => hours == 0 ? $"{days} d" : $"{days} d {hours} h",
        };
    }

    /// <summary>A count with thousands separated: "12,480".</summary>
    public static string Count(double count) => count.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Percent(double? percent) =>
        percent is { } value ? value.ToString("0.#", CultureInfo.InvariantCulture) + " %" : "—";

    public static string Score(double? average) => average is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    /// <summary>
    /// Whose figures a report shows: <paramref name="covered"/> are the departments the Api covered (null: every one),
    /// <paramref name="mine"/> those the reader belongs to (null for an admin, who sees every department).
    /// </summary>
    public static string Showing(IReadOnlyList<string>? covered, IReadOnlyList<string>? mine) => (covered, mine) switch
    {
        (null, _) => "Showing all departments.",
        (_, null) => $"Showing {Names(covered)}.",
        ([], _) => "Showing nothing: you belong to no department yet, and a manager's reports cover their own departments. An admin can add you to one.",
        _ when covered.Order(StringComparer.Ordinal).SequenceEqual(mine.Order(StringComparer.Ordinal), StringComparer.Ordinal) =>
            $"Showing {Names(covered)} ({(covered.Count == 1 ? "the department" : "the departments")} you belong to).",
        _ => $"Showing {Names(covered)} (one of the departments you belong to).",
    };

    /// <summary>Departments by name as a sentence lists them: "Support", "Support and Sales", "Legal, Support and Sales".</summary>
    public static string Names(IReadOnlyList<string> departments) => departments.Select(Department).ToList() switch
    {
        [] => "no department",
        [var one] => one,
        [.. var first, var last] => $"{string.Join(", ", first)} and {last}",
    };

    public static string Department(string id) => Contracts.Staff.Departments.Standard.FirstOrDefault(d => d.Id == id)?.Name ?? id;
}
