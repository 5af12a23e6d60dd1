using System.Linq.Expressions;

namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>What makes an alumnus, and the words the trainee pages and the API use for enumerations.</summary>
public static class TraineeRules
{
    /// <summary>
    /// An alumnus who holds or held a prominent position: the influence network. An alumnus passed at least one session
    /// among those the reader sees (<paramref name="seen"/>, <see cref="Access.NominationRuleAsync"/>): a school director
    /// does not learn that a trainee of his passed elsewhere. A senior official who attended an IHEDN international
    /// session is of the network too, for those who read the international sessions (<paramref name="participations"/>).
    /// </summary>
    public static Expression<Func<Trainee, bool>> ProminentAlumnus(Expression<Func<Nomination, bool>> seen, bool participations = false) =>
        t => (t.Career.Any(c => c.Prominent) && t.Nominations.AsQueryable().Where(seen).Any(n => n.Result == TrainingResult.Passed))
             || (participations && t.Participations.Any(p => p.Status == ParticipantStatus.Attended));

    public static string GenderCode(Gender gender) => gender.ToString().ToLowerInvariant();

    public static string GenderLabel(string code) => code == "female" ? "Femme" : "Homme";

    /// <summary>API codes of the nomination statuses (camelCase, as JSON names them).</summary>
    public static string StatusCode(NominationStatus status) => status switch
    {
        NominationStatus.UnderReview => "underReview",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string StatusLabel(string code) => code switch
    {
        "submitted" => "Soumise",
        "underReview" => "En examen",
        "accepted" => "Acceptée",
        "waitlisted" => "En liste d'attente",
        "refused" => "Refusée",
        "withdrawn" => "Retirée",
        _ => code,
    };

    public static string? ResultCode(TrainingResult? result) => result?.ToString().ToLowerInvariant();

    public static string ResultLabel(string? code) => code switch
    {
        "passed" => "Réussite",
        "failed" => "Échec",
        "withdrew" => "Abandon",
        _ => "—",
    };

    /// <summary>The DSFR badge colour of a result.</summary>
    public static string ResultBadge(string? code) => code switch
    {
        "passed" => "fr-badge--success",
        "failed" => "fr-badge--error",
        "withdrew" => "fr-badge--warning",
        _ => "",
    };

    public static bool TryParseResult(string? value, out TrainingResult? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (Enum.TryParse<TrainingResult>(value.Trim(), ignoreCase: true, out var r) && Enum.IsDefined(r) && !int.TryParse(value, out _))
        {
            result = r;
            return true;
        }
        return false;
    }
}
