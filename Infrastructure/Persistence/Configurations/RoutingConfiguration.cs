using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Domain.Routing;

namespace SocialEnterprise.Infrastructure.Persistence.Configurations;

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.ToTable("routing_rules");
        builder.HasKey(rule => rule.Id);
        builder.Property(rule => rule.Id).ValueGeneratedNever();
        builder.Property(rule => rule.Name).HasMaxLength(RoutingRuleLimits.MaxNameLength);
        builder.Property(rule => rule.CreatedBy).HasMaxLength(256);
        builder.Property(rule => rule.ChangedBy).HasMaxLength(256);
        // Conditions and actions are read and written with their rule, never queried: one jsonb document each.
        builder.Property(rule => rule.Conditions).HasColumnType("jsonb").HasConversion(Json<RoutingCondition>());
        builder.Property(rule => rule.Conditions).Metadata.SetValueComparer(Comparer<RoutingCondition>());
        builder.Property(rule => rule.Actions).HasColumnType("jsonb").HasConversion(Json<RoutingAction>());
        builder.Property(rule => rule.Actions).Metadata.SetValueComparer(Comparer<RoutingAction>());
        builder.HasIndex(rule => rule.Position);
        builder.Property(rule => rule.Trigger).HasMaxLength(40).HasDefaultValue(RoutingTriggers.Opened);
    }

    private static ValueConverter<List<T>, string> Json<T>() => new(
        value => JsonSerializer.Serialize(value, EventTypes.SerializerOptions),
        json => JsonSerializer.Deserialize<List<T>>(json, EventTypes.SerializerOptions) ?? new List<T>());

    private static ValueComparer<List<T>> Comparer<T>() => new(
        (left, right) => JsonSerializer.Serialize(left, EventTypes.SerializerOptions) == JsonSerializer.Serialize(right, EventTypes.SerializerOptions),
        value => JsonSerializer.Serialize(value, EventTypes.SerializerOptions).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(value, EventTypes.SerializerOptions), EventTypes.SerializerOptions)!);
}
