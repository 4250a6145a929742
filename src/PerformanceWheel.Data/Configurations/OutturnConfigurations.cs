using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Finance;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Projects;

namespace PerformanceWheel.Data.Configurations;

internal sealed class OutturnConfiguration : IEntityTypeConfiguration<Outturn>
{
    public void Configure(EntityTypeBuilder<Outturn> builder)
    {
        builder.ToTable("Outturns");
        builder.Property(o => o.Period).IsRequired();
        builder.Property(o => o.Commentary).HasMaxLength(Lengths.Text);
        builder.Property(o => o.UpdatedBy).HasMaxLength(Lengths.User);
        builder.Property(o => o.CommentaryBy).HasMaxLength(Lengths.User);
        builder.Property(o => o.EnteredBy).HasMaxLength(Lengths.User);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.HasValue);
        builder.HasOne(o => o.Measure).WithMany().HasForeignKey(o => o.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.MeasureId, o.Period }).IsUnique();
        builder.HasIndex(o => o.Period);
    }
}

internal sealed class QuarterPublicationConfiguration : IEntityTypeConfiguration<QuarterPublication>
{
    public void Configure(EntityTypeBuilder<QuarterPublication> builder)
    {
        builder.ToTable("QuarterPublications");
        builder.Property(p => p.Quarter).IsRequired();
        builder.Property(p => p.PublishedBy).HasMaxLength(Lengths.User).IsRequired();
        builder.HasIndex(p => p.Quarter).IsUnique();
    }
}

internal sealed class SegmentAssessmentConfiguration : IEntityTypeConfiguration<SegmentAssessment>
{
    public void Configure(EntityTypeBuilder<SegmentAssessment> builder)
    {
        builder.ToTable("SegmentAssessments");
        builder.Property(a => a.Period).IsRequired();
        builder.Property(a => a.Rationale).HasMaxLength(Lengths.Text);
        builder.Property(a => a.UpdatedBy).HasMaxLength(Lengths.User);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Rag);
        builder.Ignore(a => a.IsOverridden);
        builder.HasOne(a => a.Segment).WithMany().HasForeignKey(a => a.SegmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.SegmentId, a.Period }).IsUnique();
    }
}

internal sealed class CriticalItemConfiguration : IEntityTypeConfiguration<CriticalItem>
{
    public void Configure(EntityTypeBuilder<CriticalItem> builder)
    {
        builder.ToTable("CriticalItems");
        builder.Property(c => c.Period).IsRequired();
        builder.Property(c => c.Issue).HasMaxLength(Lengths.Text).IsRequired();
        builder.Property(c => c.RemedialAction).HasMaxLength(Lengths.Text).IsRequired();
        builder.Property(c => c.Owner).HasMaxLength(Lengths.Name).IsRequired();
        builder.HasOne(c => c.Measure).WithMany().HasForeignKey(c => c.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.MeasureId, c.Period });
    }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("Projects");
        builder.Property(p => p.Code).HasMaxLength(Lengths.Code).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(Lengths.Title).IsRequired();
        builder.HasIndex(p => p.Code).IsUnique();
        builder.HasOne(p => p.Segment).WithMany().HasForeignKey(p => p.SegmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Directorate).WithMany().HasForeignKey(p => p.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Updates).WithOne().HasForeignKey(u => u.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Updates).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProjectUpdateConfiguration : IEntityTypeConfiguration<ProjectUpdate>
{
    public void Configure(EntityTypeBuilder<ProjectUpdate> builder)
    {
        builder.ToTable("ProjectUpdates");
        builder.Property(u => u.Period).IsRequired();
        builder.Property(u => u.WorkingWell).HasMaxLength(Lengths.Text);
        builder.Property(u => u.Concerns).HasMaxLength(Lengths.Text);
        builder.Property(u => u.NextFocus).HasMaxLength(Lengths.Text);
        builder.Property(u => u.UpdatedBy).HasMaxLength(Lengths.User);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => new { u.ProjectId, u.Period }).IsUnique();
        builder.HasMany(u => u.Milestones).WithOne().HasForeignKey(m => m.ProjectUpdateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProjectMilestoneConfiguration : IEntityTypeConfiguration<ProjectMilestone>
{
    public void Configure(EntityTypeBuilder<ProjectMilestone> builder)
    {
        builder.ToTable("ProjectMilestones");
        builder.Property(m => m.Title).HasMaxLength(Lengths.Title).IsRequired();
        builder.HasIndex(m => new { m.ProjectUpdateId, m.Order }).IsUnique();
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.ToTable("BudgetLines");
        builder.Property(b => b.ServiceArea).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(b => b.Period).IsRequired();
        builder.Ignore(b => b.Variance);
        builder.Ignore(b => b.VariancePercent);
        builder.HasIndex(b => new { b.Period, b.ServiceArea }).IsUnique();
    }
}

internal sealed class BudgetPositionConfiguration : IEntityTypeConfiguration<BudgetPosition>
{
    public void Configure(EntityTypeBuilder<BudgetPosition> builder)
    {
        builder.ToTable("BudgetPositions");
        builder.Property(b => b.Period).IsRequired();
        builder.Property(b => b.Commentary).HasMaxLength(Lengths.Text);
        builder.HasIndex(b => b.Period).IsUnique();
    }
}

internal sealed class DirectorateKeyIssuesConfiguration : IEntityTypeConfiguration<DirectorateKeyIssues>
{
    public void Configure(EntityTypeBuilder<DirectorateKeyIssues> builder)
    {
        builder.ToTable("DirectorateKeyIssues");
        builder.Property(k => k.Quarter).IsRequired();
        builder.Property(k => k.Text).HasMaxLength(Lengths.Text).IsRequired();
        builder.Property(k => k.UpdatedBy).HasMaxLength(Lengths.User);
        builder.Property(k => k.Version).IsConcurrencyToken();
        builder.HasOne(k => k.Directorate).WithMany().HasForeignKey(k => k.DirectorateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => new { k.DirectorateId, k.Quarter }).IsUnique();
    }
}
