using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Web.Accounts;

/// <summary>Keeps failed sign-ins in the audit log: what was typed (as the key), why it failed and from where.</summary>
public sealed class SignInAudit(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    public const string Source = "sign-in form";
    public const string Action = "Sign-in failed";

    /// <summary>Records a failed sign-in for the address typed (cut to the key's length), the cause and the caller's address.</summary>
    public async Task FailedAsync(string typedEmail, string cause, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typedEmail);
        var email = typedEmail.Trim();
        var key = email.Length <= Lengths.Label ? email : email[..Lengths.Label];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry(Source, clock.GetUtcNow(), Action, "Account", key, $"{cause}; from {remoteAddress ?? "an unknown address"}"));
        await db.SaveChangesAsync(cancellationToken);
    }
}
