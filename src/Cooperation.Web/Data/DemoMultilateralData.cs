namespace Cooperation.Web.Data;

/// <summary>
/// The multilateral part of the demo directorate: partnerships with the UN, the OIF, the G5 Sahel, the AU and the EU over
/// ten years (two agreements each, one of them due for renewal), their contributions by year and the sessions, postings
/// and projects they cover; three IHEDN international sessions a year over the last ten years and this one, rotating
/// over the zones (Sub-Saharan Africa with the FICA forum every year), with 30 to 45 participants each, some of them
/// trainees already on record. The same at every scale: the directorate holds three sessions a year, whatever its size.
/// </summary>
public class DemoMultilateralData(CooperationDbContext db)
{
    private sealed record Plan(string Organisation, string Title, string[] Domains, string[] Countries, string[] Zones, decimal Money, int Places);

    private static readonly Plan[] Plans =
    [
        new("ONU", "Formation des contingents au maintien de la paix", ["PEACEKEEPING"], [], ["AFS"], 400_000m, 120),
        new("OIF", "Enseignement du français en milieu militaire (méthode En Avant !)", ["FRENCH_LANGUAGE"], ["SN", "CI", "ML", "BF", "NE", "CM", "GA", "CD", "VN", "KH"], [], 150_000m, 80),
        new("G5S", "Appui au collège de défense et à la force conjointe du G5 Sahel", ["COUNTER_TERRORISM", "BORDER_MANAGEMENT"], ["MR", "ML", "BF", "NE", "TD"], [], 250_000m, 40),
        new("UA", "Soutien à l'architecture africaine de paix et de sécurité", ["PEACEKEEPING", "CADRE_TRAINING"], [], ["AFS"], 200_000m, 30),
        new("UE", "Missions de formation et de renforcement des capacités de l'Union européenne", ["CIVIL_PROTECTION", "MARITIME_SECURITY"], [], ["AFS", "AFN", "MOY"], 300_000m, 25),
    ];

    /// <summary>The zones the second and third sessions of a year rotate over, in turn; the first is Sub-Saharan Africa's (FICA).</summary>
    private static readonly (string Zone, string Theme)[] Rotation =
    [
        ("IPA", "Sécurité maritime et liberté de navigation en Indo-Pacifique"), ("MOY", "Crises régionales et lutte contre le terrorisme au Moyen-Orient"),
        ("AFN", "Sécurité en Méditerranée et migrations"), ("BAL", "Réforme des forces et intégration euro-atlantique dans les Balkans"),
        ("AML", "Criminalité organisée et sécurité en Amérique latine"), ("ASE", "Sécurité régionale en Asie du Sud-Est"),
    ];

    private static readonly string[] AfricaThemes =
    [
        "Paix et sécurité en Afrique : les défis du Sahel", "Sécurité maritime dans le golfe de Guinée", "Gouvernance du secteur de la sécurité en Afrique",
        "Menaces hybrides et cybersécurité en Afrique", "Protection civile et risques climatiques en Afrique",
    ];

    private static readonly string[] Positions =
    [
        "Chef d'état-major adjoint", "Directeur de cabinet du ministre de la défense", "Inspecteur général des forces armées", "Directeur général de la police nationale",
        "Conseiller sécurité du président de la République", "Secrétaire général du ministère de l'intérieur", "Directeur de la protection civile",
        "Commandant de la gendarmerie nationale", "Directeur des affaires juridiques", "Directeur général des douanes",
    ];

    private static readonly Dictionary<string, string[]> Grades = new()
    {
        ["ARM"] = ["Colonel", "Général de brigade", "Général de division", "Capitaine de vaisseau", "Contre-amiral"],
        ["INT"] = ["Contrôleur général de police", "Colonel de gendarmerie", "Général de gendarmerie", "Commissaire divisionnaire"],
        ["JUS"] = ["Magistrat hors hiérarchie", "Procureur général"],
        ["ECO"] = ["Inspecteur général des finances", "Directeur général"],
    };

    public async Task GenerateAsync(Random random, DateOnly today, CancellationToken ct)
    {
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Acronym, ct);
        var domains = await db.Domains.ToDictionaryAsync(d => d.Code, ct);
        var countries = await db.Countries.ToListAsync(ct);
        var byIso = countries.ToDictionary(c => c.Iso2);
        var zones = await db.Zones.ToDictionaryAsync(z => z.Code, ct);
        var admins = await db.Administrations.ToDictionaryAsync(a => a.Code, ct);

        var partnerships = new List<Partnership>();
        foreach (var plan in Plans)
        {
            // Two agreements over ten years: the first ended, the second runs; the OIF's comes up for renewal within six months.
            var renewal = plan.Organisation == "OIF";
            var periods = new[]
            {
                (new DateOnly(today.Year - 10, 1, 1), new DateOnly(today.Year - 5, 12, 31)),
                (new DateOnly(today.Year - 4, 1, 1), renewal ? today.AddMonths(4) : new DateOnly(today.Year + 2, 12, 31)),
            };
            for (var i = 0; i < periods.Length; i++)
            {
                var (start, end) = periods[i];
                var p = new Partnership
                {
                    Organisation = organisations[plan.Organisation], AgreementTitle = plan.Title,
                    AgreementReference = $"ACC-{plan.Organisation}-{start.Year}-{i + 1:00}", SignedOn = start.AddDays(-random.Next(20, 90)),
                    StartDate = start, EndDate = end,
                    Domains = plan.Domains.Select(d => domains[d]).ToList(), Countries = plan.Countries.Select(c => byIso[c]).ToList(),
                    Zones = plan.Zones.Select(z => zones[z]).ToList(),
                };
                var lines = new List<PartnershipContribution>();
                for (var year = start.Year; year <= end.Year; year++)
                {
                    var factor = 0.8m + random.Next(40) / 100m;
                    lines.Add(new PartnershipContribution
                    {
                        Year = year, Party = ContributionParty.Directorate, Amount = Math.Round(plan.Money * factor / 1000) * 1000,
                        CooperantsPlaced = 1 + random.Next(3), TrainingPlaces = (int)(plan.Places * factor),
                    });
                    lines.Add(new PartnershipContribution
                    {
                        Year = year, Party = ContributionParty.Organisation, Amount = Math.Round(plan.Money * 1.5m * factor / 1000) * 1000, TrainingPlaces = plan.Places / 4,
                    });
                }
                p.SetContributions(lines);
                partnerships.Add(p);
            }
        }
        db.Partnerships.AddRange(partnerships);
        await db.SaveChangesAsync(ct);

        // The actions they cover: the sessions of their fields within their periods (peacekeeping courses in the
        // peacekeeping centres for the UN, French courses for the OIF...), postings to the organisation, projects of their fields.
        foreach (var p in partnerships)
        {
            var fields = p.Domains.Select(d => d.Id).ToList();
            var (start, end, id, organisation) = (p.StartDate, p.EndDate, p.Id, p.OrganisationId);
            var sessions = db.CourseSessions.Where(s => s.PartnershipId == null && fields.Contains(s.Course!.DomainId) && s.StartDate >= start && s.StartDate <= end);
            if (p.Organisation!.Acronym == "ONU") sessions = sessions.Where(s => s.Course!.School!.Kind == TrainingPlaceKind.PeacekeepingCentre);
            else if (p.Organisation.Acronym != "OIF") sessions = sessions.Where(s => s.Id % 3 == 0);
            await sessions.ExecuteUpdateAsync(s => s.SetProperty(x => x.PartnershipId, id), ct);
            await db.Postings.Where(x => x.PartnershipId == null && x.OrganisationId == organisation && x.StartDate >= start && x.StartDate <= end)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.PartnershipId, id), ct);
            await db.Projects.Where(x => x.PartnershipId == null && x.Domains.Any(d => fields.Contains(d.Id)) && x.StartDate >= start && x.StartDate <= end && x.Id % 4 == 0)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.PartnershipId, id), ct);
        }

        await AddInternationalSessionsAsync(random, today, countries, zones, admins, ct);
    }

    private async Task AddInternationalSessionsAsync(Random random, DateOnly today, List<Country> countries, Dictionary<string, Zone> zones,
        Dictionary<string, Administration> admins, CancellationToken ct)
    {
        var countriesOfZone = countries.Where(c => c.ZoneId != null).GroupBy(c => c.ZoneId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Iso2).ToList());
        // Some senior officials were trainees of the directorate's schools years ago: the same person, one record.
        var formerTrainees = (await db.Trainees.Where(t => t.BirthDate < today.AddYears(-40)).OrderBy(t => t.Id).Take(4000).ToListAsync(ct))
            .GroupBy(t => t.NationalityId).ToDictionary(g => g.Key, g => g.ToList());
        var adminCodes = new[] { "ARM", "ARM", "ARM", "INT", "INT", "JUS", "ECO" };
        var sessions = new List<InternationalSession>();
        var turn = 0;
        for (var year = today.Year - SessionRotation.YearsBack; year <= today.Year; year++)
        {
            for (var number = 1; number <= InternationalSession.SessionsPerYear; number++)
            {
                var (zoneCode, theme) = number == 1 ? ("AFS", AfricaThemes[year % AfricaThemes.Length]) : Rotation[turn++ % Rotation.Length];
                var zone = zones[zoneCode];
                var start = new DateOnly(year, number switch { 1 => 3, 2 => 6, _ => 10 }, 6 + random.Next(10));
                var session = new InternationalSession
                {
                    Year = year, Number = number, Theme = theme, Zone = zone, WithFica = zoneCode == "AFS",
                    StartDate = start, EndDate = start.AddDays(11),
                };
                var pool = countriesOfZone.GetValueOrDefault(zone.Id) ?? [];
                // Senegal and Côte d'Ivoire, the directorate's first partners in Africa, are invited to every African session.
                var core = zoneCode == "AFS" ? pool.Where(c => c.Iso2 is "SN" or "CI").ToList() : [];
                session.InvitedCountries = core.Concat(pool.Except(core).OrderBy(_ => random.Next()).Take(Math.Min(pool.Count, 8 + random.Next(5)) - core.Count)).ToList();
                if (session.InvitedCountries.Count == 0) continue;
                var people = 30 + random.Next(16);
                for (var i = 0; i < people; i++)
                {
                    var country = session.InvitedCountries[i % session.InvitedCountries.Count];
                    var person = PickPerson(random, session, country, formerTrainees, admins, adminCodes[random.Next(adminCodes.Length)]);
                    if (person is null || session.Participants.Any(p => p.Person == person)) continue;
                    var admin = person.Administration?.Code ?? admins.Values.Single(a => a.Id == person.AdministrationId).Code;
                    var grades = Grades.GetValueOrDefault(admin) ?? Grades["ARM"];
                    session.Participants.Add(new SessionParticipant
                    {
                        Session = session, Person = person, Country = country, PositionHeld = Positions[random.Next(Positions.Length)],
                        Grade = grades[random.Next(grades.Length)], ProposedAt = start.AddMonths(-3).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                        Status = Status(random, session, today),
                    });
                }
                sessions.Add(session);
            }
        }
        db.InternationalSessions.AddRange(sessions);
        await db.SaveChangesAsync(ct);
    }

    private static ParticipantStatus Status(Random random, InternationalSession session, DateOnly today)
    {
        var roll = random.Next(100);
        if (session.StartDate <= today) return roll < 92 ? ParticipantStatus.Attended : ParticipantStatus.Declined;
        return roll switch { < 10 => ParticipantStatus.Proposed, < 50 => ParticipantStatus.Invited, < 95 => ParticipantStatus.Confirmed, _ => ParticipantStatus.Declined };
    }

    /// <summary>One participant in six is a former trainee of his country; the others are new persons of the network.</summary>
    private static Trainee? PickPerson(Random random, InternationalSession session, Country country, Dictionary<int, List<Trainee>> formerTrainees,
        Dictionary<string, Administration> admins, string adminCode)
    {
        if (random.Next(6) == 0 && formerTrainees.TryGetValue(country.Id, out var known) && known.Count > 0)
        {
            var again = known[random.Next(known.Count)];
            known.Remove(again);
            return again;
        }
        var region = country.Iso2 switch
        {
            "SN" or "ML" or "CI" or "BF" or "NE" or "GN" or "MR" or "BJ" or "TG" or "GW" or "TD" or "CV" => "west",
            "CM" or "GA" or "CG" or "CD" or "CF" or "GQ" or "BI" or "RW" => "central",
            "ME" or "RS" or "BA" or "AL" or "MK" or "XK" => "balkans",
            _ => "other",
        };
        var names = DemoTrainingData.NamesByRegion[region == "other" ? DemoTrainingData.OtherRegionOf(country.Iso2) : region];
        var gender = random.Next(100) < 18 ? Gender.Female : Gender.Male;
        var first = gender == Gender.Female ? names.Female[random.Next(names.Female.Length)] : names.Male[random.Next(names.Male.Length)];
        var last = names.Last[random.Next(names.Last.Length)];
        var admin = admins[adminCode];
        return new Trainee
        {
            FirstName = first, LastName = last, NormalizedName = Trainee.Normalize(first, last),
            BirthDate = session.StartDate.AddYears(-(45 + random.Next(15))).AddDays(-random.Next(365)),
            Gender = gender, Nationality = country, NationalityId = country.Id, Administration = admin, AdministrationId = admin.Id,
            Rank = Grades[adminCode][random.Next(Grades[adminCode].Length)], Position = Positions[random.Next(Positions.Length)],
        };
    }
}
