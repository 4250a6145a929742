using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PerformanceWheel.Data.Packs;
using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Data.Configurations;

internal sealed class PackJobConfiguration : IEntityTypeConfiguration<PackJob>
{
    public void Configure(EntityTypeBuilder<PackJob> builder)
    {
        builder.ToTable("PackJobs");
        builder.Property(j => j.Key).HasMaxLength(PackJob.KeyLength).IsRequired();
        builder.Property(j => j.Kind).HasMaxLength(Lengths.Enum).IsRequired();
        builder.Property(j => j.Committee).HasMaxLength(Lengths.Code);
        builder.Property(j => j.Audience).HasMaxLength(PackJob.KeyLength).IsRequired();
        builder.Property(j => j.Stage).HasMaxLength(Lengths.Label);
        builder.Property(j => j.Error).HasMaxLength(Lengths.Text);
        builder.Property(j => j.FileName).HasMaxLength(Lengths.Title);
        builder.Property(j => j.PageMap).HasMaxLength(Lengths.Text);
        builder.HasIndex(j => j.Key).IsUnique();
        builder.HasIndex(j => new { j.State, j.QueuedAt });
    }
}
