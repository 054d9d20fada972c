using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Domain.Replies;

namespace SocialEnterprise.Infrastructure.Replies;

public static class ReplyExtensions
{
    /// <summary>The reply approval policy (section <c>ReplyApproval</c>), validated on start.</summary>
    public static IServiceCollection AddReplyApproval(this IServiceCollection services)
    {
        services.AddOptions<ReplyApproval>()
            .BindConfiguration(ReplyApproval.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
