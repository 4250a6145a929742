using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;

namespace PerformanceWheel.Web.Security;

/// <summary>Identity with local accounts in the app's database; lockout and password rules from configuration.</summary>
public static class AccountSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                var password = configuration.GetSection("Identity:Password");
                options.Password.RequiredLength = password.GetValue("RequiredLength", 12);
                options.Password.RequireDigit = password.GetValue("RequireDigit", true);
                options.Password.RequireLowercase = password.GetValue("RequireLowercase", true);
                options.Password.RequireUppercase = password.GetValue("RequireUppercase", true);
                options.Password.RequireNonAlphanumeric = password.GetValue("RequireNonAlphanumeric", false);
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:Lockout:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:Lockout:Minutes", 15));
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PerformanceWheelDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "PerformanceWheel.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        // A disabled account is signed out at its next request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorization(Policies.Add);
        services.AddScoped<IAuthorizationHandler, ReadPerformanceHandler>();
        services.AddSingleton<IAuthorizationHandler, DirectorateAuthorizationHandler>();
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, DirectorateClaims>();
        services.Configure<FailedAttemptOptions>(configuration.GetSection(FailedAttemptOptions.Section));
        services.AddSingleton<FailedAttempts>();
        services.AddScoped<AccountBootstrapper>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}

/// <summary>
/// Creates the four roles, the first admin from configuration (Bootstrap:AdminEmail, Bootstrap:AdminPassword), and —
/// with the demo council in Development — one demo user per role.
/// </summary>
public sealed class AccountBootstrapper(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    PerformanceWheelDbContext db,
    IConfiguration configuration,
    ILogger<AccountBootstrapper> logger)
{
    /// <summary>Demo users (Development only): e-mail, display name, role, directorate keyword.</summary>
    public static readonly IReadOnlyList<(string Email, string Name, string Role, string? Directorate)> DemoUsers =
    [
        ("admin@demo.council", "Demo administrator", Roles.Admin, null),
        ("officer@demo.council", "Demo performance officer", Roles.PerformanceOfficer, null),
        ("director@demo.council", "Demo director of adult services", Roles.Director, "Adult"),
        ("councillor@demo.council", "Demo councillor", Roles.Councillor, null),
    ];

    /// <summary>The demo users' password (Development only; printed in the README).</summary>
    public const string DemoPassword = "Demo-Council-2019";

    public async Task EnsureAsync(bool demoUsers)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var adminEmail = configuration["Bootstrap:AdminEmail"];
        var adminPassword = configuration["Bootstrap:AdminPassword"];
        if (!string.IsNullOrWhiteSpace(adminEmail) && !string.IsNullOrWhiteSpace(adminPassword))
        {
            await EnsureUserAsync(adminEmail, "Administrator", Roles.Admin, adminPassword, null);
        }

        if (demoUsers)
        {
            foreach (var (email, name, role, directorate) in DemoUsers)
            {
                await EnsureUserAsync(email, name, role, DemoPassword, directorate);
            }
        }
    }

    private async Task EnsureUserAsync(string email, string name, string role, string password, string? directorateKeyword)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        if (directorateKeyword is not null)
        {
            var directorates = await db.Directorates.ToListAsync();
            foreach (var d in directorates.Where(d => d.Name.Contains(directorateKeyword, StringComparison.OrdinalIgnoreCase)))
            {
                user.Directorates.Add(new UserDirectorate { DirectorateId = d.Id });
            }
        }

        Check(await users.CreateAsync(user, password), $"user {email}");
        Check(await users.AddToRoleAsync(user, role), $"role for {email}");
        // The account's id, never its e-mail address: logs hold no personal data (docs/decisions/0008).
        logger.LogInformation("Created {Role} account {UserId}", role, user.Id);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
