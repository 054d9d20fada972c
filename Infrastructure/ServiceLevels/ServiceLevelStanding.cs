using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.ServiceLevels;

public static class ServiceLevelStanding
{
    public static async Task<ConversationServiceLevels> ReadAsync(CrmDbContext db, Guid conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var clocks = await db.ServiceLevelClocks.AsNoTracking().Where(c => c.ConversationId == conversationId).OrderBy(c => c.StartedAt).ToListAsync(cancellationToken);
        var rules = await db.ReadSlaRulesAsync(cancellationToken);
        var departmentNames = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return Of(clocks, rules, departmentNames, now);
    }

    public static ConversationServiceLevels Of(
        IReadOnlyList<ServiceLevelClock> clocks, SlaRules rules, IReadOnlyDictionary<string, string> departmentNames, DateTimeOffset now)
    {
        var views = clocks.Select(clock => View(clock, rules.CalendarOf(clock.Policy), now)).ToList();
        // The customer's clock: the response owed now, else the resolution.
        var customer = views.FirstOrDefault(v => v.ConsultId is null && v.Metric != ServiceLevelMetrics.Resolution && v.StoppedAt is null)
            ?? views.FirstOrDefault(v => v.ConsultId is null && v.Metric == ServiceLevelMetrics.Resolution && v.StoppedAt is null);
        var consults = views.Where(v => v.ConsultId is not null && v.StoppedAt is null).Select(consult =>
        {
            var name = departmentNames.GetValueOrDefault(consult.Department, consult.Department);
            var risk = customer is not null && consult.DueAt is { } consultDue && customer.DueAt is { } customerDue && consultDue > customerDue;
            var text = customer is null
                ? $"{name} has {ServiceLevelWords.Span(consult.Remaining)} left"
                : $"{name} has {Left(consult.Remaining)} of your {Left(customer.Remaining)} left"
                  + (risk ? $": due after {ServiceLevelWords.Metric(customer.Metric)}, a risk to the customer promise" : "");
            return new ConsultRollup(consult.ConsultId!.Value, consult.Department, consult.Remaining, customer?.Metric, customer?.Remaining, risk, text);
        }).ToList();

        string? banner = null;
        var bannerState = ServiceLevelStates.None;
        if (customer is not null)
        {
            bannerState = customer.State;
            banner = customer.State switch
            {
                ServiceLevelStates.Breached => $"Breached {ServiceLevelWords.Span(now - (customer.BreachedAt ?? customer.DueAt ?? now))} ago: {ServiceLevelWords.Metric(customer.Metric)}",
                ServiceLevelStates.AtRisk => $"At risk: {ServiceLevelWords.Span(customer.Remaining)} left for {ServiceLevelWords.Metric(customer.Metric)}",
                ClockStates.Paused => $"Paused while waiting on the customer: {ServiceLevelWords.Span(customer.Remaining)} left for {ServiceLevelWords.Metric(customer.Metric)}",
                _ => $"{ServiceLevelWords.Span(customer.Remaining)} left for {ServiceLevelWords.Metric(customer.Metric)}",
            };
        }

        return new ConversationServiceLevels(views, consults, banner, bannerState);
    }

    public static ServiceLevelClockView View(ServiceLevelClock clock, BusinessCalendar calendar, DateTimeOffset now)
    {
        var elapsed = clock.ElapsedAt(now, calendar);
        var remaining = clock.Target - elapsed;
        var state = clock.StoppedAt is not null ? clock.Outcome
            : clock.PausedAt is not null ? ClockStates.Paused
            : clock.BreachedAt is not null || (clock.DueAt is { } due && now >= due) ? ServiceLevelStates.Breached
            : clock.WarnedAt is not null || (clock.WarnAt is { } warn && now >= warn) ? ServiceLevelStates.AtRisk
            : ServiceLevelStates.OnTrack;
        return new ServiceLevelClockView(
            clock.Id, clock.Metric, clock.ConsultId, clock.Department, clock.Policy, clock.Priority, clock.Target, elapsed, remaining, clock.Outcome,
            state, clock.StartedAt, clock.WarnAt, clock.DueAt, clock.WarnedAt, clock.PredictedAt, clock.BreachedAt, clock.StoppedAt);
    }

    private static string Left(TimeSpan remaining) => remaining <= TimeSpan.Zero ? "none" : ServiceLevelWords.Span(remaining);
}
