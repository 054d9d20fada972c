using Microsoft.Extensions.Options;
using SocialEnterprise.Domain.Routing;

namespace SocialEnterprise.Infrastructure.Routing;

internal sealed class BusinessHoursValidator : IValidateOptions<BusinessHours>
{
    public ValidateOptionsResult Validate(string? name, BusinessHours options)
    {
        var failures = new List<string>();
        try
        {
            _ = options.Zone();
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            failures.Add($"{BusinessHours.Section}:TimeZone \"{options.TimeZone}\" is not a time zone this machine knows.");
        }

        if (options.Opens >= options.Closes)
        {
            failures.Add($"{BusinessHours.Section}:Opens must be before {BusinessHours.Section}:Closes.");
        }

        if (options.OpenDays is { } days && days.Any(day => !Enum.IsDefined(day)))
        {
            failures.Add($"{BusinessHours.Section}:OpenDays holds a day that is not a day of the week.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
