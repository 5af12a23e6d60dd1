namespace Cooperation.Web.Infrastructure;

/// <summary>
/// Marks a use case (or a service of a feature that pages and endpoints receive by injection): every concrete class of
/// the application that carries it is registered, scoped, by <see cref="UseCaseRegistration.AddUseCases"/>.
/// </summary>
public interface IUseCase;

public static class UseCaseRegistration
{
    /// <summary>
    /// Registers every <see cref="IUseCase"/> of the application, scoped (one instance a request), also under the
    /// generic use-case interfaces it implements (<c>IListUseCase&lt;TQuery, TRow&gt;</c>), so that shared code reaches it.
    /// </summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        foreach (var type in ApplicationTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t)))
        {
            services.AddScoped(type);
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && typeof(IUseCase).IsAssignableFrom(i)))
                services.AddScoped(contract, sp => sp.GetRequiredService(type));
        }
        return services;
    }

    /// <summary>
    /// The public types of the application, where use cases and API routes are looked for: a fifth of its types, read
    /// in a third of the time all of them take at start (the page views, closures and state machines the compiler
    /// writes are not public). A use case or routes class must therefore be public; a test fails on one that is not.
    /// Read once: the use cases' registration and the API's mapping both look there.
    /// </summary>
    public static IReadOnlyList<Type> ApplicationTypes() => Exported.Value;

    private static readonly Lazy<Type[]> Exported = new(() => typeof(IUseCase).Assembly.GetExportedTypes());
}
