using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Covering;

namespace PerformanceWheel.Data.Configurations;

internal sealed class CoveringTemplateConfiguration : IEntityTypeConfiguration<CoveringTemplate>
{
    public void Configure(EntityTypeBuilder<CoveringTemplate> builder)
    {
        builder.ToTable("CoveringTemplates");
        builder.Property(t => t.CabinetMeeting).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(t => t.ExecutiveMembers).HasMaxLength(Lengths.Title);
        builder.Property(t => t.LeadOfficer).HasMaxLength(Lengths.Title);
        builder.Property(t => t.Author).HasMaxLength(Lengths.Title);
        builder.Property(t => t.Contact).HasMaxLength(Lengths.Title);
        builder.Ignore(t => t.SignOffRoles);
        builder.HasMany(t => t.Texts).WithOne().HasForeignKey(x => x.CoveringTemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Texts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany<SignOffRole>("_signOffRoles").WithOne().HasForeignKey(r => r.CoveringTemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StandingTextConfiguration : IEntityTypeConfiguration<StandingText>
{
    public void Configure(EntityTypeBuilder<StandingText> builder)
    {
        builder.ToTable("CoveringStandingTexts");
        builder.Property(t => t.Section).HasConversion<string>().HasMaxLength(Lengths.Enum);
        builder.Property(t => t.Text).HasMaxLength(Lengths.Text).IsRequired();
        builder.HasIndex(t => new { t.CoveringTemplateId, t.Section }).IsUnique();
    }
}

internal sealed class SignOffRoleConfiguration : IEntityTypeConfiguration<SignOffRole>
{
    public void Configure(EntityTypeBuilder<SignOffRole> builder)
    {
        builder.ToTable("CoveringSignOffRoles");
        builder.Property(r => r.Title).HasMaxLength(Lengths.Title).IsRequired();
        builder.HasIndex(r => new { r.CoveringTemplateId, r.Order }).IsUnique();
    }
}

internal sealed class CoveringReportConfiguration : IEntityTypeConfiguration<CoveringReport>
{
    public void Configure(EntityTypeBuilder<CoveringReport> builder)
    {
        builder.ToTable("CoveringReports");
        builder.Property(r => r.Pack).HasMaxLength(CoveringSections.PackLength).IsRequired();
        builder.Property(r => r.Quarter).IsRequired();
        builder.Property(r => r.Meeting).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(r => r.ForwardPlanReference).HasMaxLength(Lengths.Label);
        builder.Property(r => r.ExecutiveMembers).HasMaxLength(Lengths.Title);
        builder.Property(r => r.LeadOfficer).HasMaxLength(Lengths.Title);
        builder.Property(r => r.Author).HasMaxLength(Lengths.Title);
        builder.Property(r => r.Contact).HasMaxLength(Lengths.Title);
        builder.Property(r => r.CreatedBy).HasMaxLength(Lengths.User).IsRequired();
        builder.Property(r => r.ChangedBy).HasMaxLength(Lengths.User).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Details);
        builder.Ignore(r => r.Changes);
        builder.HasIndex(r => new { r.Pack, r.Quarter }).IsUnique();
        builder.HasMany(r => r.Texts).WithOne().HasForeignKey(t => t.CoveringReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Texts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.SignOffs).WithOne().HasForeignKey(s => s.CoveringReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.SignOffs).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany<CoveringChange>("_changes").WithOne().HasForeignKey(c => c.CoveringReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoveringTextConfiguration : IEntityTypeConfiguration<CoveringText>
{
    public void Configure(EntityTypeBuilder<CoveringText> builder)
    {
        builder.ToTable("CoveringTexts");
        builder.Property(t => t.Section).HasConversion<string>().HasMaxLength(Lengths.Enum);
        builder.Property(t => t.Text).HasMaxLength(Lengths.Text).IsRequired();
        builder.HasIndex(t => new { t.CoveringReportId, t.Section }).IsUnique();
    }
}

internal sealed class CoveringSignOffConfiguration : IEntityTypeConfiguration<CoveringSignOff>
{
    public void Configure(EntityTypeBuilder<CoveringSignOff> builder)
    {
        builder.ToTable("CoveringSignOffs");
        builder.Property(s => s.Role).HasMaxLength(Lengths.Title).IsRequired();
        builder.Property(s => s.Name).HasMaxLength(Lengths.Title).IsRequired();
        builder.Property(s => s.RecordedBy).HasMaxLength(Lengths.User).IsRequired();
        builder.HasIndex(s => new { s.CoveringReportId, s.Role }).IsUnique();
    }
}

internal sealed class CoveringChangeConfiguration : IEntityTypeConfiguration<CoveringChange>
{
    public void Configure(EntityTypeBuilder<CoveringChange> builder)
    {
        builder.ToTable("CoveringChanges");
        builder.Property(c => c.What).HasMaxLength(Lengths.Text).IsRequired();
        builder.Property(c => c.By).HasMaxLength(Lengths.User).IsRequired();
        builder.HasIndex(c => new { c.CoveringReportId, c.Revision }).IsUnique();
    }
}
