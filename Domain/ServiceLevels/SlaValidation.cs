using System.Text.RegularExpressions;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.ServiceLevels;

namespace SocialEnterprise.Domain.ServiceLevels;

/// <summary>Field-by-field checks of policies and calendars as admins write them (<c>targets[3].target</c>, <c>hours[0].closes</c>).</summary>
public static partial class SlaValidation
{
    public const int MaxTargets = 200;
    public const int MaxHolidays = 400;
    public const int MaxHolidayNameLength = 100;

    public static Dictionary<string, string[]> ValidateName(string? name, int maxLength)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["Required."];
        }
        else if (name.Trim().Length > maxLength || !NamePattern().IsMatch(name.Trim()))
        {
            errors["name"] = [$"Lower-case letters, digits and hyphens, starting with a letter or digit, at most {maxLength} characters."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> Validate(
        SlaPolicyRequest request, IReadOnlySet<string> calendars, IReadOnlySet<string> departments, bool checkName)
    {
        var errors = checkName ? ValidateName(request.Name, SlaPolicy.MaxNameLength) : new(StringComparer.Ordinal);
        if (request.Description is { } description && description.Trim().Length > SlaPolicy.MaxDescriptionLength)
        {
            errors["description"] = [$"At most {SlaPolicy.MaxDescriptionLength} characters."];
        }

        if (request.Calendar?.Trim() is not { Length: > 0 } calendar || !calendars.Contains(calendar))
        {
            errors["calendar"] = [$"One of the calendars: {string.Join(", ", calendars.Order(StringComparer.Ordinal))}."];
        }

        var targets = request.Targets ?? [];
        if (targets.Count > MaxTargets)
        {
            errors["targets"] = [$"At most {MaxTargets} targets."];
            return errors;
        }

        var seen = new HashSet<(string, string, string?)>();
        for (var index = 0; index < targets.Count; index++)
        {
            var at = $"targets[{index}]";
            var target = targets[index];
            if (target is null || !SlaPolicy.ConversationMetrics.Contains(target.Metric))
            {
                errors[$"{at}.metric"] = [$"One of: {string.Join(", ", SlaPolicy.ConversationMetrics)}."];
                continue;
            }

            if (!Priorities.All.Contains(target.Priority))
            {
                errors[$"{at}.priority"] = [$"One of: {string.Join(", ", Priorities.All)}."];
                continue;
            }

            var channel = string.IsNullOrWhiteSpace(target.Channel) ? null : target.Channel.Trim();
            if (channel is not null && !IngestChannels.All.Contains(channel))
            {
                errors[$"{at}.channel"] = [$"Empty for any channel, or one of: {string.Join(", ", IngestChannels.All.Order(StringComparer.Ordinal))}."];
                continue;
            }

            if (target.Target < SlaPolicy.ShortestTarget || target.Target > SlaPolicy.LongestTarget)
            {
                errors[$"{at}.target"] = [$"From {SlaPolicy.ShortestTarget} to {SlaPolicy.LongestTarget}."];
                continue;
            }

            if (!seen.Add((target.Metric, target.Priority, channel)))
            {
                errors[$"{at}"] = ["A second target for the same metric, priority and channel."];
            }
        }

        var missing = SlaPolicy.ConversationMetrics.SelectMany(metric => Priorities.All.Select(priority => (metric, priority)))
            .Where(pair => !seen.Contains((pair.metric, pair.priority, null)))
            .Select(pair => $"{pair.metric} {pair.priority}")
            .ToList();
        if (missing.Count > 0 && !errors.Keys.Any(key => key.StartsWith("targets[", StringComparison.Ordinal)))
        {
            errors["targets"] = [$"A target for any channel is needed for every metric and priority; missing: {string.Join(", ", missing)}."];
        }

        var olas = request.Olas ?? [];
        var olaDepartments = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < olas.Count; index++)
        {
            var ola = olas[index];
            if (ola is null || !departments.Contains(ola.Department) || !olaDepartments.Add(ola.Department))
            {
                errors[$"olas[{index}].department"] = [$"One of the departments, once each: {string.Join(", ", departments.Order(StringComparer.Ordinal))}."];
            }
            else if (ola.Target < SlaPolicy.ShortestTarget || ola.Target > SlaPolicy.LongestTarget)
            {
                errors[$"olas[{index}].target"] = [$"From {SlaPolicy.ShortestTarget} to {SlaPolicy.LongestTarget}."];
            }
        }

        return errors;
    }

    public static Dictionary<string, string[]> Validate(SlaCalendarRequest request, bool checkName)
    {
        var errors = checkName ? ValidateName(request.Name, SlaCalendar.MaxNameLength) : new(StringComparer.Ordinal);
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZone?.Trim() ?? "");
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            errors["timeZone"] = ["A time zone id this server knows, such as Europe/Berlin or UTC."];
        }

        var hours = request.Hours ?? [];
        if (hours.Count == 0)
        {
            errors["hours"] = ["Open hours on at least one day."];
        }

        for (var index = 0; index < hours.Count; index++)
        {
            var open = hours[index];
            if (open is null || !Enum.IsDefined(open.Day))
            {
                errors[$"hours[{index}].day"] = ["A day of the week (0 Sunday to 6 Saturday)."];
            }
            else if (open.Opens < TimeSpan.Zero || open.Opens >= TimeSpan.FromDays(1))
            {
                errors[$"hours[{index}].opens"] = ["A time of day from 00:00 to 23:59."];
            }
            else if (open.Closes <= open.Opens || open.Closes > TimeSpan.FromDays(1))
            {
                errors[$"hours[{index}].closes"] = ["After the opening time, at most 24:00 (1.00:00:00)."];
            }
            else if (hours.Take(index).Any(other => other is not null && other.Day == open.Day && other.Opens < open.Closes && open.Opens < other.Closes))
            {
                errors[$"hours[{index}]"] = ["Overlaps other open hours of the same day."];
            }
        }

        var holidays = request.Holidays ?? [];
        if (holidays.Count > MaxHolidays)
        {
            errors["holidays"] = [$"At most {MaxHolidays} holidays."];
        }

        for (var index = 0; index < holidays.Count && index < MaxHolidays; index++)
        {
            var holiday = holidays[index];
            if (holiday is null || holiday.Date == default || holidays.Take(index).Any(other => other?.Date == holiday.Date))
            {
                errors[$"holidays[{index}].date"] = ["A date (yyyy-mm-dd), once each."];
            }
            else if (holiday.Name is { } name && name.Length > MaxHolidayNameLength)
            {
                errors[$"holidays[{index}].name"] = [$"At most {MaxHolidayNameLength} characters."];
            }
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NamePattern();
}
