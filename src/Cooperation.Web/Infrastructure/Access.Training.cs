using System.Linq.Expressions;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The training chain's part of the access rules.
/// <list type="bullet">
/// <item>Administrator, Director, Auditor: every school, session, nomination and trainee (the auditor without personal data).</item>
/// <item>DeskOfficer: every session; nominations and trainees of her zones (the nominating country, or the school's country).</item>
/// <item>SchoolDirector (scope: one school): his school's catalogue and sessions, and the candidates nominated to them.</item>
/// <item>LiaisonOfficer (scope: one partner country): the sessions open to his country, and his country's candidates only.</item>
/// <item>Cooperant: the schools and sessions of his country, no trainee.</item>
/// </list>
/// </summary>
public sealed partial class Access
{
    public bool IsSchoolDirector => _user.IsInRole(Roles.SchoolDirector);
    public bool IsLiaisonOfficer => _user.IsInRole(Roles.LiaisonOfficer);

    /// <summary>The one school of a school director's scope.</summary>
    public int? SchoolId { get; }

    /// <summary>Countries whose schools one sees; null means all: schools are public, a coopérant keeps to his country.</summary>
    public IReadOnlyCollection<int>? SchoolCountryIds => IsCooperant ? VisibleCountryIds : null;

    private bool SeesAllTraining => IsAdministrator || IsDirector || IsAuditor;

    /// <summary>
    /// The schools a list of sessions or nominations may be filtered by: a school director's own school (the others
    /// would answer nothing), otherwise those the user sees.
    /// </summary>
    public IQueryable<RegionalSchool> FilterableSchools(IQueryable<RegionalSchool> schools)
    {
        if (IsSchoolDirector) return schools.Where(s => s.Id == SchoolId);
        return SchoolCountryIds is { } visible ? schools.Where(s => visible.Contains(s.CountryId)) : schools;
    }

    public async Task<IQueryable<CourseSession>> VisibleSessionsAsync(IQueryable<CourseSession> sessions, CancellationToken ct = default)
    {
        if (SeesAllTraining || IsDeskOfficer) return sessions;
        if (IsSchoolDirector) return sessions.Where(s => s.Course!.SchoolId == SchoolId);
        if (IsLiaisonOfficer) return sessions.Where(s => s.Quotas.Any(q => q.CountryId == CountryId && q.Seats > 0));
        if (IsCooperant) return sessions.Where(s => s.Course!.School!.CountryId == CountryId);
        await Task.CompletedTask;
        return sessions.Where(_ => false);
    }

    /// <summary>
    /// The nominations the user sees, as a rule the database reads, also among a trainee's or a session's nominations
    /// (<c>t.Nominations.AsQueryable().Where(rule)</c>): what a school director learns of a trainee's enrolments, counts,
    /// results and last course included, is what his school knows.
    /// </summary>
    public async Task<Expression<Func<Nomination, bool>>> NominationRuleAsync(CancellationToken ct = default)
    {
        if (SeesAllTraining) return n => true;
        if (IsDeskOfficer)
        {
            var countries = await ZoneCountriesAsync(ct);
            return n => countries.Contains(n.CountryId) || countries.Contains(n.Session!.Course!.School!.CountryId);
        }
        var school = SchoolId;
        if (IsSchoolDirector) return n => n.Session!.Course!.SchoolId == school;
        var country = CountryId;
        if (IsLiaisonOfficer) return n => n.CountryId == country;
        return n => false;
    }

    public async Task<IQueryable<Nomination>> VisibleNominationsAsync(IQueryable<Nomination> nominations, CancellationToken ct = default) =>
        nominations.Where(await NominationRuleAsync(ct));

    /// <summary>
    /// The trainees the user sees: those of the nationalities of his scope (a desk officer's zones, a liaison officer's
    /// country), and the candidate of every nomination he sees — a nomination never shows a trainee out of sight.
    /// </summary>
    public async Task<IQueryable<Trainee>> VisibleTraineesAsync(IQueryable<Trainee> trainees, CancellationToken ct = default)
    {
        if (SeesAllTraining) return trainees;
        var seen = await NominationRuleAsync(ct);
        if (IsDeskOfficer)
        {
            var countries = await ZoneCountriesAsync(ct);
            return trainees.Where(t => countries.Contains(t.NationalityId) || t.Nominations.AsQueryable().Any(seen));
        }
        var country = CountryId;
        if (IsLiaisonOfficer) return trainees.Where(t => t.NationalityId == country || t.Nominations.AsQueryable().Any(seen));
        if (IsSchoolDirector) return trainees.Where(t => t.Nominations.AsQueryable().Any(seen));
        return trainees.Where(_ => false);
    }

    /// <summary>Among the trainees one may see, whose names and contacts one may read: everyone but the auditor.</summary>
    public bool SeesTraineePersonalData => !IsAuditor;

    /// <summary>May edit a school's catalogue and sessions, and record attendance, results and certificates.</summary>
    public async Task<bool> CanManageSchoolAsync(int schoolId, int schoolCountryId, CancellationToken ct = default)
    {
        if (IsAdministrator) return true;
        if (IsSchoolDirector) return SchoolId == schoolId;
        if (IsDeskOfficer) return (await ZoneCountriesAsync(ct)).Contains(schoolCountryId);
        return false;
    }

    /// <summary>May nominate candidates of some country (which one: <see cref="CanNominateForAsync"/>).</summary>
    public bool CanNominateAny => IsAdministrator || IsLiaisonOfficer || IsDeskOfficer;

    /// <summary>May nominate candidates of a country: its liaison officer, or headquarters for it.</summary>
    public async Task<bool> CanNominateForAsync(int countryId, CancellationToken ct = default)
    {
        if (IsAdministrator) return true;
        if (IsLiaisonOfficer) return CountryId == countryId;
        if (IsDeskOfficer) return (await ZoneCountriesAsync(ct)).Contains(countryId);
        return false;
    }

    /// <summary>
    /// May propose a candidate to a session: it is open to nominations and the user nominates for one of the countries
    /// it invites (a quota of seats) — that country's liaison officer, a desk officer of its zone, an administrator.
    /// </summary>
    public async Task<bool> MayProposeToSessionAsync(SessionStatus status, IEnumerable<int> invitedCountryIds, CancellationToken ct = default)
    {
        if (status != SessionStatus.Open || !CanNominateAny) return false;
        foreach (var countryId in invitedCountryIds)
            if (await CanNominateForAsync(countryId, ct)) return true;
        return false;
    }

    /// <summary>May review, accept, waitlist or refuse a nomination: headquarters for the zone, or the school's director.</summary>
    public async Task<bool> CanDecideNominationAsync(int nominatingCountryId, int schoolId, int schoolCountryId, CancellationToken ct = default)
    {
        if (IsAdministrator) return true;
        if (IsSchoolDirector) return SchoolId == schoolId;
        if (IsDeskOfficer)
        {
            var countries = await ZoneCountriesAsync(ct);
            return countries.Contains(nominatingCountryId) || countries.Contains(schoolCountryId);
        }
        return false;
    }

    /// <summary>Screening (vetting) is a security decision: headquarters only.</summary>
    public async Task<bool> CanScreenAsync(int nominatingCountryId, CancellationToken ct = default)
    {
        if (IsAdministrator) return true;
        return IsDeskOfficer && (await ZoneCountriesAsync(ct)).Contains(nominatingCountryId);
    }

    /// <summary>
    /// May correct a trainee's identity and position: whoever may nominate for his country (its liaison officer, the desk
    /// officer of its zone, an administrator), or any desk officer who sees him (headquarters, e.g. for a school of her zone).
    /// </summary>
    public async Task<bool> CanEditTraineeAsync(int nationalityId, CancellationToken ct = default) =>
        IsDeskOfficer || await CanNominateForAsync(nationalityId, ct);

    /// <summary>An alumnus's career is followed by headquarters: the desk officer of his country's zone, or an administrator.</summary>
    public async Task<bool> CanEditCareerAsync(int nationalityId, CancellationToken ct = default)
    {
        if (IsAdministrator) return true;
        return IsDeskOfficer && (await ZoneCountriesAsync(ct)).Contains(nationalityId);
    }

    /// <summary>May withdraw a nomination: whoever may nominate for its country or decide on it.</summary>
    public async Task<bool> CanWithdrawNominationAsync(int nominatingCountryId, int schoolId, int schoolCountryId, CancellationToken ct = default) =>
        await CanNominateForAsync(nominatingCountryId, ct) || await CanDecideNominationAsync(nominatingCountryId, schoolId, schoolCountryId, ct);

    /// <summary>
    /// May use the Excel import at all: nominations (whoever nominates for a country) or a school's past trainees
    /// (whoever manages a school). Each import then checks its own scope, row by row or school by school.
    /// </summary>
    public bool CanImportTraining => IsAdministrator || IsDeskOfficer || IsLiaisonOfficer || IsSchoolDirector;

    /// <summary>The training figures for steering are aggregates without personal data: headquarters reads them.</summary>
    public bool SeesTrainingFigures => IsAdministrator || IsDirector || IsDeskOfficer || IsAuditor;

    /// <summary>
    /// May merge two trainee records found to be one person: headquarters for the trainees' nationality. A merge moves
    /// a person's whole record (sessions of every school), so neither a school director nor a liaison officer decides it.
    /// </summary>
    public async Task<bool> CanMergeTraineesAsync(int nationalityId, CancellationToken ct = default)
    {
        if (IsAdministrator) return true;
        return IsDeskOfficer && (await ZoneCountriesAsync(ct)).Contains(nationalityId);
    }
}
