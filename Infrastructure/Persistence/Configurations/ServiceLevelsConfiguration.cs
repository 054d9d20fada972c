using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.ServiceLevels;

namespace SocialEnterprise.Infrastructure.Persistence.Configurations;

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> builder)
    {
        builder.ToTable("sla_policies");
        builder.HasKey(p => p.Name);
        builder.Property(p => p.Name).HasMaxLength(SlaPolicy.MaxNameLength);
        builder.Property(p => p.Description).HasMaxLength(SlaPolicy.MaxDescriptionLength);
        builder.Property(p => p.Calendar).HasMaxLength(SlaCalendar.MaxNameLength);
        builder.Property(p => p.ChangedBy).HasMaxLength(256);
        // Read and written with their policy, never queried: one jsonb document each.
        builder.Property(p => p.Targets).HasColumnType("jsonb").HasConversion(SlaJson.Converter<SlaTarget>());
        builder.Property(p => p.Targets).Metadata.SetValueComparer(SlaJson.Comparer<SlaTarget>());
        builder.Property(p => p.Olas).HasColumnType("jsonb").HasConversion(SlaJson.Converter<DepartmentOla>());
        builder.Property(p => p.Olas).Metadata.SetValueComparer(SlaJson.Comparer<DepartmentOla>());
        builder.HasOne<SlaCalendar>().WithMany().HasForeignKey(p => p.Calendar).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SlaCalendarConfiguration : IEntityTypeConfiguration<SlaCalendar>
{
    public void Configure(EntityTypeBuilder<SlaCalendar> builder)
    {
        builder.ToTable("sla_calendars");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(SlaCalendar.MaxNameLength);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.Property(c => c.Hours).HasColumnType("jsonb").HasConversion(SlaJson.Converter<OpenHours>());
        builder.Property(c => c.Hours).Metadata.SetValueComparer(SlaJson.Comparer<OpenHours>());
        builder.Property(c => c.Holidays).HasColumnType("jsonb").HasConversion(SlaJson.Converter<Holiday>());
        builder.Property(c => c.Holidays).Metadata.SetValueComparer(SlaJson.Comparer<Holiday>());
    }
}

internal static class SlaJson
{
    public static ValueConverter<List<T>, string> Converter<T>() => new(
        value => JsonSerializer.Serialize(value, EventTypes.SerializerOptions),
        json => JsonSerializer.Deserialize<List<T>>(json, EventTypes.SerializerOptions) ?? new List<T>());

    public static ValueComparer<List<T>> Comparer<T>() => new(
        (left, right) => JsonSerializer.Serialize(left, EventTypes.SerializerOptions) == JsonSerializer.Serialize(right, EventTypes.SerializerOptions),
        value => JsonSerializer.Serialize(value, EventTypes.SerializerOptions).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(value, EventTypes.SerializerOptions), EventTypes.SerializerOptions)!);
}
