using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PerformanceWheel.Data.Figures;

namespace PerformanceWheel.Data.Configurations;

internal sealed class FiguresVersionConfiguration : IEntityTypeConfiguration<FiguresVersion>
{
    public void Configure(EntityTypeBuilder<FiguresVersion> builder)
    {
        builder.ToTable("FiguresVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
    }
}
