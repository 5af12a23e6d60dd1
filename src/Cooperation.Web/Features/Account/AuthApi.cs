using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Account;

public record LoginRequest([property: Required] string Email, [property: Required] string Password);

/// <param name="RefreshToken">The <c>refreshToken</c> of the last answer of login or refresh.</param>
public record RefreshRequest([property: Required] string RefreshToken);

public sealed class AuthApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.Login)
            .WithSummary("Exchanges an email and a password for a Bearer access token (an hour) and a refresh token.");
        auth.MapPost("/refresh", Refresh).AllowAnonymous()
            .WithSummary("Exchanges a refresh token for a new access token and refresh token, unless the account's sessions have ended since.");
        auth.MapPost("/logout", Logout)
            .WithSummary("Ends every session of the account: its access and refresh tokens and its page cookies stop working.");
    }

    /// <summary>
    /// A refused sign-in is no use case's refusal: it answers 401, with the same words whether the address is unknown,
    /// the password wrong or the account locked.
    /// </summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Login(LoginRequest request, CheckLogin check,
        SignInManager<AppUser> signIn, IStringLocalizer<LoginRequest> text)
    {
        var errors = new FieldErrors(text);
        if (string.IsNullOrWhiteSpace(request.Email)) errors.Add("email", "common.required", errors.Label("Adresse électronique"));
        if (string.IsNullOrWhiteSpace(request.Password)) errors.Add("password", "common.required", errors.Label("Mot de passe"));
        errors.ThrowIfAny();

        return await check.HandleAsync(request.Email, request.Password) is { } user
            ? TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentitySetup.ApiScheme)
            : Refused(text);
    }

    /// <summary>As Identity's own refresh endpoint: the refresh token must be unexpired and its account's stamp unchanged.</summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Refresh(RefreshRequest request, SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, IStringLocalizer<LoginRequest> text)
    {
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null
            : bearer.Get(IdentitySetup.ApiScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await signIn.UserManager.IsLockedOutAsync(user))
            return Refused(text);
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentitySetup.ApiScheme);
    }

    private static async Task<NoContent> Logout(EndSessions end, CancellationToken ct)
    {
        await end.HandleAsync(ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Refused(IStringLocalizer text) =>
        TypedResults.Problem(text["login.invalid"], statusCode: StatusCodes.Status401Unauthorized, title: text["Identification refusée"]);
}
