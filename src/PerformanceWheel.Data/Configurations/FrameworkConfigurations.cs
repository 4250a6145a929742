using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;

namespace PerformanceWheel.Data.Configurations;

internal sealed class CouncilSettingsConfiguration : IEntityTypeConfiguration<CouncilSettings>
{
    public void Configure(EntityTypeBuilder<CouncilSettings> builder)
    {
        builder.ToTable("CouncilSettings");
        builder.Property(c => c.Name).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(c => c.OpenDataEnabled).HasDefaultValue(false);
        builder.Property(c => c.SeparatesDuties).HasDefaultValue(false);
        builder.Property(c => c.PrimaryColour).HasMaxLength(Branding.ColourLength);
        builder.Property(c => c.SecondaryColour).HasMaxLength(Branding.ColourLength);
        builder.Property(c => c.LogoContentType).HasMaxLength(Branding.ContentTypeLength);
        builder.Ignore(c => c.Scheme);
        builder.Ignore(c => c.SchemeHistory);
        builder.HasMany(c => c.SchemeChanges).WithOne().HasForeignKey("CouncilSettingsId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.SchemeChanges).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class SchemeChangeConfiguration : IEntityTypeConfiguration<SchemeChange>
{
    public void Configure(EntityTypeBuilder<SchemeChange> builder)
    {
        builder.ToTable("SchemeChanges");
        builder.Property(c => c.ChangedBy).HasMaxLength(Lengths.User).IsRequired();
        builder.Property(c => c.SegmentRatingMethod).HasMaxLength(Lengths.Enum);
        builder.Ignore(c => c.Scheme);
        builder.HasIndex("CouncilSettingsId", nameof(SchemeChange.EffectiveFrom)).IsUnique();
    }
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("Plans");
        builder.Property(p => p.Name).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(p => p.IsRetired).HasDefaultValue(false);
        builder.HasMany(p => p.Groups).WithOne(g => g.Plan).HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Groups).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SegmentGroupConfiguration : IEntityTypeConfiguration<SegmentGroup>
{
    public void Configure(EntityTypeBuilder<SegmentGroup> builder)
    {
        builder.ToTable("SegmentGroups");
        builder.Property(g => g.Name).HasMaxLength(Lengths.Name).IsRequired();
        builder.HasIndex(g => new { g.PlanId, g.Name }).IsUnique();
        builder.HasMany(g => g.Segments).WithOne(s => s.Group).HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Segments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.ToTable("Segments");
        builder.Property(s => s.Code).HasMaxLength(Lengths.Code).IsRequired();
        builder.Property(s => s.Title).HasMaxLength(Lengths.Title).IsRequired();
        builder.Property(s => s.Lead).HasMaxLength(Lengths.Name);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.HasMany(s => s.Committees).WithMany().UsingEntity<Dictionary<string, object>>(
            "SegmentCommittees",
            r => r.HasOne<Committee>().WithMany().HasForeignKey("CommitteeId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne<Segment>().WithMany().HasForeignKey("SegmentId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("SegmentId", "CommitteeId"));
        builder.Navigation(s => s.Committees).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DirectorateConfiguration : IEntityTypeConfiguration<Directorate>
{
    public void Configure(EntityTypeBuilder<Directorate> builder)
    {
        builder.ToTable("Directorates");
        builder.Property(d => d.Name).HasMaxLength(Lengths.Name).IsRequired();
        builder.HasIndex(d => d.Name).IsUnique();
    }
}

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> builder)
    {
        builder.ToTable("Committees");
        builder.Property(c => c.Code).HasMaxLength(Lengths.Code).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(Lengths.Name).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
    }
}

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.ToTable("Measures");
        builder.Property(m => m.Code).HasMaxLength(Lengths.Code).IsRequired();
        builder.Property(m => m.Title).HasMaxLength(Lengths.Title).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(Lengths.Text);
        builder.Property(m => m.DataNotes).HasMaxLength(Lengths.Text);
        builder.Property(m => m.Unit).IsRequired();
        builder.Ignore(m => m.Tolerance);
        builder.Ignore(m => m.PeriodKind);
        builder.HasIndex(m => m.Code).IsUnique();
        builder.HasOne(m => m.Directorate).WithMany().HasForeignKey(m => m.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Segment).WithMany().HasForeignKey(m => m.SegmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Committees).WithMany().UsingEntity<Dictionary<string, object>>(
            "MeasureCommittees",
            r => r.HasOne<Committee>().WithMany().HasForeignKey("CommitteeId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne<Measure>().WithMany().HasForeignKey("MeasureId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("MeasureId", "CommitteeId"));
        builder.HasMany(m => m.Benchmarks).WithOne().HasForeignKey(b => b.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Targets).WithOne().HasForeignKey(t => t.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Committees).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Benchmarks).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Targets).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BenchmarkConfiguration : IEntityTypeConfiguration<Benchmark>
{
    public void Configure(EntityTypeBuilder<Benchmark> builder)
    {
        builder.ToTable("Benchmarks");
        builder.Property(b => b.Label).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(b => b.Period).HasMaxLength(Lengths.Label);
    }
}

internal sealed class MeasureTargetConfiguration : IEntityTypeConfiguration<MeasureTarget>
{
    public void Configure(EntityTypeBuilder<MeasureTarget> builder)
    {
        builder.ToTable("MeasureTargets");
        builder.Ignore(t => t.Target);
        builder.HasIndex(t => new { t.MeasureId, t.Year, t.Period }).IsUnique();
    }
}
