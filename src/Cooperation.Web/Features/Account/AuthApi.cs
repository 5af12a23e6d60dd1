using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Features.Account;

public record LoginRequest([property: Required] string Email, [property: Required] string Password);

public sealed class AuthApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.Login)
            .WithSummary("Exchanges an email and a password for a Bearer access token.");
    }

    /// <summary>A refused password is no use case's refusal: it answers 401 (or 429 once locked out), as a sign-in does.</summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Login(LoginRequest request, CheckLogin check,
        SignInManager<AppUser> signIn, IStringLocalizer<LoginRequest> text)
    {
        var errors = new FieldErrors(text);
        if (string.IsNullOrWhiteSpace(request.Email)) errors.Add("email", "common.required", errors.Label("Adresse électronique"));
        if (string.IsNullOrWhiteSpace(request.Password)) errors.Add("password", "common.required", errors.Label("Mot de passe"));
        errors.ThrowIfAny();

        var (outcome, user) = await check.HandleAsync(request.Email, request.Password);
        return outcome switch
        {
            LoginOutcome.Success => TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user!), authenticationScheme: IdentitySetup.ApiScheme),
            LoginOutcome.LockedOut => TypedResults.Problem(text["login.lockedOut"], statusCode: StatusCodes.Status429TooManyRequests,
                title: text["Trop de tentatives"]),
            _ => TypedResults.Problem(text["login.invalid"], statusCode: StatusCodes.Status401Unauthorized, title: text["Identification refusée"]),
        };
    }
}
