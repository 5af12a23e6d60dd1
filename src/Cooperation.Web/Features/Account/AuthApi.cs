using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Features.Account;

public record LoginRequest([property: Required] string Email, [property: Required] string Password);

public static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/login", Login).RequireRateLimiting(RateLimits.Login)
            .WithSummary("Exchanges an email and a password for a Bearer access token.");
    }

    private static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<LoginRequest> text)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email)) errors["email"] = [text["common.required", "email"]];
        if (string.IsNullOrWhiteSpace(request.Password)) errors["password"] = [text["common.required", "password"]];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: text["Données invalides"]);

        var result = await LoginCheck.CheckAsync(signIn, users, request.Email, request.Password);
        if (result == LoginOutcome.LockedOut)
            return TypedResults.Problem(text["login.lockedOut"], statusCode: 429, title: text["Trop de tentatives"]);
        if (result != LoginOutcome.Success)
            return TypedResults.Problem(text["login.invalid"], statusCode: 401, title: text["Identification refusée"]);

        var user = (await users.FindByEmailAsync(request.Email))!;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentitySetup.ApiScheme);
    }
}

public enum LoginOutcome { Success, Invalid, LockedOut }

/// <summary>One password check for the login page and the API: failures count towards the lock-out.</summary>
public static class LoginCheck
{
    public static async Task<LoginOutcome> CheckAsync(SignInManager<AppUser> signIn, UserManager<AppUser> users, string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null) return LoginOutcome.Invalid;
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? LoginOutcome.Success : result.IsLockedOut ? LoginOutcome.LockedOut : LoginOutcome.Invalid;
    }
}
