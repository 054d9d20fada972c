using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Replies;

/// <summary>
/// The demo company's canned responses (with <c>Seed:DemoCompany</c>), added once each by shortcut after the migrator
/// ran; an admin may change or delete them afterwards, and a deleted one is not brought back while others exist.
/// </summary>
public sealed class CannedResponseSeeder(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time) : IHostedService
{
    public static readonly IReadOnlyList<(string Shortcut, string Name, string? Department, string Text)> Demo =
    [
        ("thanks", "Thank you", null,
            "Thank you for getting in touch, {{customer.firstName}}. I'm {{agent.firstName}} and I'll look after this for you."),
        ("dm-details", "Ask for details privately", null,
            "Hi {{customer.firstName}}, sorry to hear that. Could you send us a direct message with your order number so that we can look into it? — {{agent.firstName}}, {{department}}"),
        ("looking-into-it", "Looking into it", null,
            "Thanks for your patience, {{customer.firstName}}. We're looking into this now and will come back to you here on {{conversation.channel}} shortly."),
        ("refund-started", "Refund started", "support",
            "Hi {{customer.firstName}}, I've started your refund: you will see it on your statement within 5 to 7 working days. — {{agent.name}}, {{department}}"),
        ("known-issue", "Known issue", "engineering",
            "Hi {{customer.firstName}}, this is a known issue our engineers are fixing right now. We'll update you here as soon as the fix is out."),
        ("privacy-request", "Privacy request received", "legal",
            "Dear {{customer.name}}, we have received your request about your personal data and will answer within 30 days, as the law requires. — {{department}}"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetSection(SeedOptions.Section).Get<SeedOptions>()?.DemoCompany != true)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        if (await db.CannedResponses.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        db.CannedResponses.AddRange(Demo.Select(seed => CannedResponse.New(seed.Name, seed.Text, seed.Department, seed.Shortcut, "seed", now)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // Another instance seeded them at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
