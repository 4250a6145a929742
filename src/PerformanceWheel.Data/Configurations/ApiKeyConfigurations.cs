using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;

namespace PerformanceWheel.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameLength).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength).IsRequired();
        builder.Property(k => k.Hash).HasMaxLength(ApiKey.HashLength).IsRequired();
        builder.Property(k => k.Role).HasMaxLength(Lengths.Enum).IsRequired();
        builder.Property(k => k.CreatedBy).HasMaxLength(Lengths.User).IsRequired();
        builder.Property(k => k.RevokedBy).HasMaxLength(Lengths.User);
        builder.Ignore(k => k.IsRevoked);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasMany(k => k.Directorates).WithOne().HasForeignKey(d => d.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(k => k.Directorates).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ApiKeyDirectorateConfiguration : IEntityTypeConfiguration<ApiKeyDirectorate>
{
    public void Configure(EntityTypeBuilder<ApiKeyDirectorate> builder)
    {
        builder.ToTable("ApiKeyDirectorates");
        builder.HasKey(d => new { d.ApiKeyId, d.DirectorateId });
        builder.HasOne<Directorate>().WithMany().HasForeignKey(d => d.DirectorateId).OnDelete(DeleteBehavior.Cascade);
    }
}
