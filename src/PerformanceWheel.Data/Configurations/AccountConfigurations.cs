using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;

namespace PerformanceWheel.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(Lengths.Name).IsRequired();
        builder.HasMany(u => u.Directorates).WithOne().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserDirectorateConfiguration : IEntityTypeConfiguration<UserDirectorate>
{
    public void Configure(EntityTypeBuilder<UserDirectorate> builder)
    {
        builder.ToTable("UserDirectorates");
        builder.HasKey(d => new { d.UserId, d.DirectorateId });
        builder.HasOne<Directorate>().WithMany().HasForeignKey(d => d.DirectorateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutturnRevisionConfiguration : IEntityTypeConfiguration<OutturnRevision>
{
    public void Configure(EntityTypeBuilder<OutturnRevision> builder)
    {
        builder.ToTable("OutturnRevisions");
        builder.Property(r => r.Period).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(Lengths.Text);
        builder.Property(r => r.ChangedBy).HasMaxLength(Lengths.User).IsRequired();
        builder.HasOne(r => r.Outturn).WithMany().HasForeignKey(r => r.OutturnId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.User).HasMaxLength(Lengths.User).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(Lengths.Label).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(Lengths.Label).IsRequired();
        builder.Property(a => a.EntityKey).HasMaxLength(Lengths.Label).IsRequired();
        builder.Property(a => a.Changes).HasMaxLength(Lengths.Text);
        builder.HasIndex(a => new { a.EntityType, a.EntityKey });
    }
}
