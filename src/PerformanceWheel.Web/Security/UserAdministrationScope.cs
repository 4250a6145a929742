namespace PerformanceWheel.Web.Security;

/// <summary>
/// Runs one <see cref="UserAdministration"/> operation in a scope of its own. An interactive page lives as long as its
/// circuit, far longer than a request: the UserManager and the DbContext it tracks must not outlive the operation.
/// </summary>
public static class UserAdministrationScope
{
    public static async Task<T> WithUsersAsync<T>(this IServiceScopeFactory scopes, Func<UserAdministration, Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(operation);
        await using var scope = scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }
}
