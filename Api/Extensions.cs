using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Api.Listening;
using SocialEnterprise.Api.Replies;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Infrastructure.Assignment;
using SocialEnterprise.Infrastructure.Caching;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Replies;
using SocialEnterprise.Infrastructure.Routing;

namespace SocialEnterprise.Api;

internal static class Extensions
{
    /// <summary>
    /// Requests about one conversation (<c>/api/conversations/{id}/…</c>) log with its id and tag their trace with it, so
    /// the dashboard finds every log line and trace of a conversation by searching for its id.
    /// </summary>
    private static void UseConversationContext(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SocialEnterprise.Api.Conversations");
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api/conversations")
                || context.GetRouteValue("id") is not string id || !Guid.TryParse(id, out var conversationId))
            {
                await next(context);
                return;
            }

            System.Diagnostics.Activity.Current?.SetTag("socialenterprise.conversation.id", conversationId);
            using (logger.BeginScope(new Dictionary<string, object> { ["ConversationId"] = conversationId }))
            {
                await next(context);
            }
        });
    }

    public const int MaxRequestBodyBytes = 256 * 1024;

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.AddCrmDatabase();
        builder.AddCrmNotifications();
        // The Api owns the schema: it migrates before it serves, and the others wait for it.
        builder.Services.AddHostedService<CrmDatabaseMigrator>();
        builder.Services.AddHostedService<AccessSeeder>();
        builder.Services.AddHostedService<CannedResponseSeeder>();
        builder.AddCrmCache();
        builder.Services.AddRoutingRules();
        builder.Services.TryAddSingleton<MessageClassifier>();
        builder.Services.AddConsultTargets();
        builder.Services.AddReplyApproval();

        builder.AddApiAccess();
        builder.AddIngestion();
        builder.AddDeliveryReceipts();
        builder.Services.AddScoped<AssignmentService>();
        builder.Services.AddScoped<ConversationChanges>();
        builder.Services.AddScoped<CustomerMerging>();
        builder.Services.AddScoped<ReplyWorkflow>();
        builder.Services.AddScoped<ConsultWorkflow>();

        // Larger bodies are refused with 413 before they are read: no request needs more.
        builder.Services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<EventLogFollower>();

        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
    }

    public static void UseApplicationPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders("default-src 'none'; frame-ancestors 'none'");
        app.UseConversationContext();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }
}
