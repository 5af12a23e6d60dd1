using Cooperation.Tests.Network;

namespace Cooperation.Tests.Security;

/// <summary>
/// The records the generated authorisation test tries, inside and outside each account's scope: some the demo data
/// holds, some planted with names nobody else bears — a coopérant now posted outside Africa with an old posting in
/// Senegal, a former coopérant last posted outside Africa, one never posted, a Senegalese trainee certified at CPADD
/// (not the demo school director's school), a trainee of a country outside Africa trained there, and a trainee of
/// Côte d'Ivoire certified at EMPABB.
/// </summary>
public sealed class ScopeSamples
{
    /// <summary>Values of route parameters by kind of record (the path segment before the parameter: "cooperants", "trainees"...).</summary>
    public Dictionary<string, List<string>> Records { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Filters of the lists, each tried alone: (parameter, value); the school and the year go together.</summary>
    public List<(string Name, string Value)> Filters { get; } = [];

    /// <summary>The last names of the planted persons, as names are normalised.</summary>
    public HashSet<string> PlantedWords { get; } = [];

    public int PlantedCooperant { get; private set; }
    public string ForeignCountry { get; private set; } = "";

    private void Add(string kind, params object[] values)
    {
        if (!Records.TryGetValue(kind, out var list)) Records[kind] = list = [];
        foreach (var value in values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!))
            if (!list.Contains(value)) list.Add(value);
    }

    public static async Task<ScopeSamples> PlantAsync(CooperationFactory factory)
    {
        await factory.EnsureTestAccountsAsync();
        var s = new ScopeSamples();
        var today = Today;

        // Where the desk officer for Africa has no say: a country of another zone, and a regional school outside her zones.
        var africa = await factory.WithDbAsync(db => db.UserZones.Where(z => db.Users.Any(u => u.Id == z.UserId && u.Email == DemoAccounts.DeskAfrica))
            .Select(z => z.ZoneId).ToListAsync());
        var balkans = await factory.WithDbAsync(db => db.RegionalSchools.AsNoTracking()
            .Where(x => x.Kind == TrainingPlaceKind.RegionalSchool && x.Country!.ZoneId != null && !africa.Contains(x.Country.ZoneId.Value))
            .Select(x => new { x.Acronym, x.Country!.Iso2 }).FirstAsync());
        var foreign = await factory.WithDbAsync(db => db.Countries.AsNoTracking()
            .Where(c => c.ZoneId != null && !africa.Contains(c.ZoneId.Value) && c.Iso2 != balkans.Iso2).OrderBy(c => c.Iso2).Select(c => c.Iso2).FirstAsync());
        s.ForeignCountry = foreign;

        // Coopérants: A now abroad (once in Senegal), B last posted abroad, C never posted.
        var a = await s.CooperantAsync(factory, [("SN", today.AddYears(-9), today.AddYears(-6)), (foreign, today.AddYears(-1), null)]);
        var b = await s.CooperantAsync(factory, [("CI", today.AddYears(-8), today.AddYears(-5)), (foreign, today.AddYears(-4), today.AddYears(-2))]);
        var c = await s.CooperantAsync(factory, []);
        s.PlantedCooperant = a;
        var own = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.CooperantSenegal).Select(u => u.CooperantId!.Value).SingleAsync());
        var ivorian = await factory.WithDbAsync(db => db.Postings.AsNoTracking()
            .Where(p => p.Country!.Iso2 == "CI" && p.OrganisationId == null && p.StartDate <= today && (p.ActualEndDate == null || p.ActualEndDate > today))
            .OrderBy(p => p.Id).Select(p => new { p.CooperantId, p.Id }).FirstAsync());
        s.Add("cooperants", a, b, c, own, ivorian.CooperantId);
        s.Add("postings", ivorian.Id);
        s.Add("postings", [.. await factory.WithDbAsync(db => db.Postings.Where(p => p.CooperantId == a || p.CooperantId == b).Select(p => p.Id).ToListAsync())]);
        s.Add("vacancies", [.. await factory.WithDbAsync(async db =>
            (await db.Vacancies.AsNoTracking().Where(v => v.FilledByPostingId != null && v.Country!.ZoneId != null && africa.Contains(v.Country.ZoneId.Value))
                .OrderBy(v => v.Id).Select(v => v.Id).Take(1).ToListAsync())
            .Concat(await db.Vacancies.AsNoTracking().Where(v => v.FilledByPostingId != null && (v.Country!.ZoneId == null || !africa.Contains(v.Country.ZoneId.Value)))
                .OrderBy(v => v.Id).Select(v => v.Id).Take(1).ToListAsync())
            .Concat(await db.Vacancies.AsNoTracking().Where(v => v.FilledByPostingId == null).OrderBy(v => v.Id).Select(v => v.Id).Take(1).ToListAsync())
            .ToList())]);

        // Missions: one in Senegal with coopérant A (placed abroad now) and a recommendation, one in the foreign country.
        var (senegalMission, foreignMission, recommendation) = await factory.WithDbAsync(async db =>
        {
            var type = await db.HostAuthorityTypes.OrderBy(t => t.Id).FirstAsync();
            var domain = await db.Domains.OrderBy(d => d.Id).FirstAsync();
            ExpertiseMission New(int countryId) => new()
            {
                CountryId = countryId, HostAuthorityTypeId = type.Id, HostAuthorityName = "État-major", RequestedBy = "Général Demandeur",
                RequestedOn = today.AddMonths(-6), Subject = "Audit planté", DomainId = domain.Id, Form = MissionForm.Short,
                PlannedStartDate = today.AddMonths(-5), PlannedEndDate = today.AddMonths(-5).AddDays(9),
            };
            var missions = new[] { New(await db.Countries.Where(x => x.Iso2 == "SN").Select(x => x.Id).SingleAsync()),
                New(await db.Countries.Where(x => x.Iso2 == foreign).Select(x => x.Id).SingleAsync()) };
            foreach (var m in missions)
            {
                m.Assess("Pertinente", "Faisable", "Faibles", "Chargée de mission", today.AddMonths(-6));
                m.Decide(true, null, "Directeur", today.AddMonths(-6));
                m.Assign(a, null, m.PlannedStartDate, m.PlannedEndDate, 10);
                m.Start(m.PlannedStartDate);
                m.Recommend("Réviser la doctrine", "État-major", today.AddMonths(-1), RecommendationPriority.High);
            }
            db.Missions.AddRange(missions);
            await db.SaveChangesAsync();
            return (missions[0].Id, missions[1].Id, missions[0].Recommendations[0].Id);
        });
        s.Add("missions", senegalMission, foreignMission);
        s.Add("recommendations", recommendation);

        // Trainees: T1 Senegalese certified at CPADD with a prominent career, T2 of the Balkan school's country trained there,
        // T3 Ivorian certified at EMPABB.
        var t1 = await s.TraineeAsync(factory, "SN", "CPADD", ["SN"]);
        var t2 = await s.TraineeAsync(factory, balkans.Iso2, balkans.Acronym, [balkans.Iso2]);
        var t3 = await s.TraineeAsync(factory, "CI", "EMPABB", ["CI", "SN"]);
        await factory.CareerAsync(t1.TraineeId, "Chef d'état-major adjoint", today.AddYears(-1), null, prominent: true);
        s.Add("career", await factory.WithDbAsync(db => db.CareerEntries.Where(e => e.TraineeId == t1.TraineeId).Select(e => e.Id).FirstAsync()));
        s.Add("schools", "EMPABB", "CPADD", balkans.Acronym);
        s.Add("countries", "SN", "CI", foreign);
        s.Add("quotas", "SN", foreign);
        s.Add("organisations", [.. await factory.WithDbAsync(db => db.Organisations.OrderBy(o => o.Id).Select(o => o.Acronym).Take(2).ToListAsync())]);
        s.Add("zones", [.. await factory.WithDbAsync(db => db.Zones.OrderBy(z => z.Id).Select(z => z.Code).Take(2).ToListAsync())]);
        s.Add("users", [.. await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.CooperantSenegal || u.Email == DemoAccounts.Admin)
            .Select(u => u.Id).ToListAsync())]);
        s.Add("audit", [.. await factory.WithDbAsync(db => db.AuditEntries.Where(e => (e.EntityType == nameof(Cooperant) && e.EntityKey == a.ToString())
                || (e.EntityType == nameof(Trainee) && e.EntityKey == t1.TraineeId.ToString()) || (e.EntityType == nameof(Posting)))
            .OrderByDescending(e => e.Id).Select(e => e.Id).Take(4).ToListAsync())]);

        // Searched by all but the last letter of their names: a page echoes its search, and the echo must not pass for
        // the planted name while the search still finds him.
        var aName = (await factory.WithDbAsync(db => db.Cooperants.Where(x => x.Id == a).Select(x => x.LastName).SingleAsync()))[..^1];
        var t1Name = t1.LastName[..^1];
        s.Filters.AddRange([
            ("sort", "name"), ("status", "all"), ("q", aName), ("search", aName), ("q", t1Name), ("search", t1Name),
            ("country", foreign), ("country", "SN"), ("nationality", "SN"), ("cooperantId", a.ToString()), ("session", t1.SessionId.ToString()),
            ("school", "CPADD"), ("prominent", "true"), ("entityType", nameof(Cooperant)), ("entityKey", a.ToString()), ("user", "cooperant"),
        ]);
        return s;
    }

    private async Task<int> CooperantAsync(CooperationFactory factory, (string Iso2, DateOnly Start, DateOnly? End)[] postings)
    {
        var cooperant = await factory.CooperantPostedAsync(postings);
        PlantedWords.Add(Text.NormalizeName(cooperant.LastName));
        return cooperant.Id;
    }

    private sealed record PlantedTrainee(int TraineeId, string LastName, int SessionId, int NominationId);

    private async Task<PlantedTrainee> TraineeAsync(CooperationFactory factory, string nationality, string school, string[] invited)
    {
        var session = await factory.SessionAsync(school: school, quotas: invited.ToDictionary(c => c, _ => 5));
        var trainee = await factory.TraineeAsync(nationality);
        var nomination = await factory.NominateAsync(session.Id, trainee);
        var code = await factory.PassAsync(nomination);
        PlantedWords.Add(Text.NormalizeName(trainee.LastName));
        Add("trainees", trainee.Id);
        Add("nominations", nomination);
        Add("sessions", session.Id);
        Add("courses", session.CourseId);
        Add("certificates", code!);
        Add("verify", code!);
        return new PlantedTrainee(trainee.Id, trainee.LastName, session.Id, nomination);
    }
}
