namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>A trainee record that may be the same person as a nomination's candidate.</summary>
public record NearMatch(
    int TraineeId, string Name, DateOnly? BirthDate, string Gender, string Nationality, string NationalityName,
    string AdministrationName, string Rank, int Nominations, string Reason, string ReasonText);

/// <summary>
/// The trainees that may be the same person as a nomination's candidate (<see cref="TraineeMatching"/>): same
/// nationality and birth date with a similar name, or the same name with a birth date within a year. Only trainees
/// the user may see are listed.
/// </summary>
public class FindNearMatches(CooperationDbContext db, Access access, IStringLocalizer<FindNearMatches> text) : IUseCase
{
    public async Task<IReadOnlyList<NearMatch>> HandleAsync(int nominationId, CancellationToken ct = default)
    {
        var visible = await access.VisibleNominationsAsync(db.Nominations.AsNoTracking(), ct);
        var traineeId = await visible.Where(n => n.Id == nominationId).Select(n => (int?)n.TraineeId).SingleOrDefaultAsync(ct);
        if (traineeId is null) throw new RecordNotFoundException();
        return await ForTraineeAsync(traineeId.Value, ct);
    }

    public async Task<IReadOnlyList<NearMatch>> ForTraineeAsync(int traineeId, CancellationToken ct = default)
    {
        var me = await db.Trainees.AsNoTracking().Where(t => t.Id == traineeId)
            .Select(t => new { t.NormalizedName, t.LastName, t.BirthDate, t.NationalityId }).SingleAsync(ct);
        var from = me.BirthDate.AddYears(-1);
        var to = me.BirthDate.AddYears(1);
        var seen = await access.NominationRuleAsync(ct);
        var named = await access.NamedTraineesAsync(ct);
        var candidates = (await access.VisibleTraineesAsync(db.Trainees.AsNoTracking(), ct))
            .Where(t => t.Id != traineeId && t.NationalityId == me.NationalityId
                        && (t.BirthDate == me.BirthDate || (t.NormalizedName == me.NormalizedName && t.BirthDate >= from && t.BirthDate <= to)));
        var rows = await candidates
            .Select(t => new
            {
                t.Id, t.FirstName, t.LastName, t.NormalizedName, t.BirthDate, t.Gender, Named = named.Any(n => n.Id == t.Id),
                Iso2 = t.Nationality!.Iso2, NationalityFr = t.Nationality.NameFr, NationalityEn = t.Nationality.NameEn,
                AdministrationFr = t.Administration!.NameFr, AdministrationEn = t.Administration.NameEn, t.Rank,
                Nominations = t.Nominations.AsQueryable().Count(seen),
            })
            .OrderBy(t => t.Id).Take(200).ToListAsync(ct);

        var myLastName = TraineeMatching.NormalizedLastName(me.LastName);
        return rows
            .Select(t => (Row: t, Reason: TraineeMatching.NearMatch(me.NormalizedName, myLastName, me.BirthDate,
                t.NormalizedName, TraineeMatching.NormalizedLastName(t.LastName), t.BirthDate)))
            .Where(x => x.Reason is not null)
            .Select(x => new NearMatch(
                x.Row.Id, PersonalData.Show(x.Row.Named, $"{x.Row.FirstName} {x.Row.LastName.ToUpperInvariant()}")!,
                x.Row.Named ? x.Row.BirthDate : null, NominationLabels.Gender(text, x.Row.Gender),
                x.Row.Iso2, Names.Pick(x.Row.NationalityFr, x.Row.NationalityEn), Names.Pick(x.Row.AdministrationFr, x.Row.AdministrationEn),
                x.Row.Rank, x.Row.Nominations, x.Reason!.Value.ToString(), Reason(x.Reason.Value)))
            .ToList();
    }

    private string Reason(NearMatchReason reason) => text[reason switch
    {
        NearMatchReason.SameLastName => "Même nom de famille, même date de naissance",
        NearMatchReason.SimilarName => "Nom voisin, même date de naissance",
        NearMatchReason.NamesInAnotherOrder => "Mêmes noms dans un autre ordre, même date de naissance",
        _ => "Même nom, date de naissance proche",
    }].Value;
}
