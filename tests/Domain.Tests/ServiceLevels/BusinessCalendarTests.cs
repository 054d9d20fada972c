using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.ServiceLevels;

namespace SocialEnterprise.Domain.Tests.ServiceLevels;

public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // Monday to Friday 9–17 in Berlin, Christmas Day a holiday.
    private static readonly BusinessCalendar Office = new(
        Berlin,
        Weekdays(TimeSpan.FromHours(9), TimeSpan.FromHours(17)),
        [new DateOnly(2026, 12, 25)]);

    private static IEnumerable<OpenHours> Weekdays(TimeSpan opens, TimeSpan closes) =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(day => new OpenHours(day, opens, closes));

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) =>
        new(new DateTime(year, month, day, hour, minute, 0), Berlin.GetUtcOffset(new DateTime(year, month, day, hour, minute, 0)));

    [Fact]
    public void A_target_inside_one_open_day_ends_the_same_day()
    {
        // Tuesday 24 November 2026, 10:00 in Berlin.
        Assert.Equal(Local(2026, 11, 24, 12), Office.AddBusinessTime(Local(2026, 11, 24, 10), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_target_spanning_days_continues_when_the_office_opens_again()
    {
        // 3 h from Tuesday 16:00: one hour on Tuesday, two on Wednesday from 9.
        var due = Office.AddBusinessTime(Local(2026, 11, 24, 16), TimeSpan.FromHours(3));

        Assert.Equal(Local(2026, 11, 25, 11), due);
        Assert.Equal(TimeSpan.FromHours(3), Office.BusinessTimeBetween(Local(2026, 11, 24, 16), due));
    }

    [Fact]
    public void A_start_outside_hours_waits_for_the_opening()
    {
        Assert.Equal(Local(2026, 11, 25, 10), Office.AddBusinessTime(Local(2026, 11, 24, 22, 30), TimeSpan.FromHours(1)));
        Assert.Equal(Local(2026, 11, 24, 10), Office.AddBusinessTime(Local(2026, 11, 24, 6), TimeSpan.FromHours(1)));
        Assert.False(Office.IsOpen(Local(2026, 11, 24, 22, 30)));
        Assert.True(Office.IsOpen(Local(2026, 11, 24, 9)));
        Assert.False(Office.IsOpen(Local(2026, 11, 24, 17)));
    }

    [Fact]
    public void The_weekend_does_not_count()
    {
        // Friday 27 November 16:00 + 4 h: one hour on Friday, three on Monday.
        var due = Office.AddBusinessTime(Local(2026, 11, 27, 16), TimeSpan.FromHours(4));

        Assert.Equal(Local(2026, 11, 30, 12), due);
        Assert.Equal(TimeSpan.FromHours(4), Office.BusinessTimeBetween(Local(2026, 11, 27, 16), due));
        Assert.Equal(TimeSpan.Zero, Office.BusinessTimeBetween(Local(2026, 11, 28, 8), Local(2026, 11, 29, 20)));
    }

    [Fact]
    public void A_holiday_does_not_count()
    {
        // Thursday 24 December 16:00 + 2 h: Christmas Day (Friday) is a holiday, then the weekend: Monday 10:00.
        Assert.Equal(Local(2026, 12, 28, 10), Office.AddBusinessTime(Local(2026, 12, 24, 16), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(1), Office.BusinessTimeBetween(Local(2026, 12, 24, 16), Local(2026, 12, 28, 9)));
    }

    [Fact]
    public void Office_hours_across_the_spring_daylight_saving_change_keep_their_wall_clock_times()
    {
        // Clocks go forward on Sunday 29 March 2026 (02:00 CET → 03:00 CEST). Friday 16:00 CET + 2 h = Monday 10:00 CEST.
        var friday = new DateTimeOffset(2026, 3, 27, 16, 0, 0, TimeSpan.FromHours(1));
        var due = Office.AddBusinessTime(friday, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(2)), due);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), due.ToUniversalTime());
    }

    [Fact]
    public void Around_the_clock_hours_have_23_hours_on_the_spring_change_day_and_25_in_autumn()
    {
        var allDay = new BusinessCalendar(
            Berlin, Enum.GetValues<DayOfWeek>().Select(day => new OpenHours(day, TimeSpan.Zero, TimeSpan.FromDays(1))), [new DateOnly(2026, 1, 1)]);
        var springSunday = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1));
        var autumnSunday = new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(2));

        // Local midnight to local midnight.
        Assert.Equal(TimeSpan.FromHours(23), allDay.BusinessTimeBetween(springSunday, new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.FromHours(2))));
        Assert.Equal(TimeSpan.FromHours(25), allDay.BusinessTimeBetween(autumnSunday, new DateTimeOffset(2026, 10, 26, 0, 0, 0, TimeSpan.FromHours(1))));
        // The holiday (1 January) does not count; the day before it does.
        Assert.Equal(TimeSpan.FromHours(24), allDay.BusinessTimeBetween(
            new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.FromHours(1))));
        // Midnight-to-midnight hours across the change: 24 h of business time from Saturday noon is Sunday 13:00 CEST.
        Assert.Equal(
            new DateTimeOffset(2026, 3, 29, 13, 0, 0, TimeSpan.FromHours(2)),
            allDay.AddBusinessTime(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.FromHours(1)), TimeSpan.FromHours(24)));
    }

    [Fact]
    public void Hours_that_open_in_the_skipped_spring_hour_open_when_the_clocks_jump()
    {
        var night = new BusinessCalendar(Berlin, [new OpenHours(DayOfWeek.Sunday, TimeSpan.FromHours(2.5), TimeSpan.FromHours(4))]);

        // On 29 March 02:30 does not exist: open from 03:00 CEST to 04:00 CEST, one hour.
        Assert.Equal(TimeSpan.FromHours(1), night.BusinessTimeBetween(new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero)));
        // On an ordinary Sunday, an hour and a half.
        Assert.Equal(TimeSpan.FromHours(1.5), night.BusinessTimeBetween(new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 23, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Days_may_have_different_hours_and_a_split_day()
    {
        var shop = new BusinessCalendar(Berlin, [
            new OpenHours(DayOfWeek.Monday, TimeSpan.FromHours(8), TimeSpan.FromHours(12)),
            new OpenHours(DayOfWeek.Monday, TimeSpan.FromHours(13), TimeSpan.FromHours(18)),
            new OpenHours(DayOfWeek.Saturday, TimeSpan.FromHours(10), TimeSpan.FromHours(14)),
        ]);

        // Monday 11:00 + 2 h: one hour before lunch, one after.
        Assert.Equal(Local(2026, 11, 23, 14), shop.AddBusinessTime(Local(2026, 11, 23, 11), TimeSpan.FromHours(2)));
        // Monday 17:00 + 3 h: one hour Monday, then Saturday from 10.
        Assert.Equal(Local(2026, 11, 28, 12), shop.AddBusinessTime(Local(2026, 11, 23, 17), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void Twenty_four_seven_is_wall_clock_time()
    {
        var start = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);

        Assert.True(BusinessCalendar.TwentyFourSeven.AlwaysOpen);
        Assert.Equal(start.AddMinutes(1), BusinessCalendar.TwentyFourSeven.AddBusinessTime(start, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromDays(3), BusinessCalendar.TwentyFourSeven.BusinessTimeBetween(start, start.AddDays(3)));
    }

    [Fact]
    public void Adding_then_measuring_gives_back_the_duration()
    {
        var start = Local(2026, 10, 23, 15, 17);
        foreach (var hours in new[] { 0.5, 1, 7.9, 8, 13, 40, 100 })
        {
            var due = Office.AddBusinessTime(start, TimeSpan.FromHours(hours));
            Assert.Equal(TimeSpan.FromHours(hours), Office.BusinessTimeBetween(start, due));
        }
    }
}
