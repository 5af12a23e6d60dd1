namespace Cooperation.Web.Data;

/// <summary>
/// The expertise missions of the demo directorate: about 40 a year at scale 1 over the last ten years and the coming
/// months, across the partner countries (weighted toward Sub-Saharan Africa), a tenth of them long (a coopérant's posting
/// with the host authority); a registry of about 150 short-term experts. Past missions are reported with a small PDF and
/// recommendations in every follow-up state, some overdue; recent and coming ones stand at every earlier step, a tenth
/// declined. Every mission goes through its own rules, so the demo never holds what a user could not enter.
/// </summary>
public class DemoMissionData(CooperationDbContext db)
{
    public const int MissionsPerYearAtScale1 = 40;
    public const int ExpertsAtScale1 = 150;

    private static readonly (string Code, int Weight)[] ZoneWeights =
        [("AFS", 45), ("AFN", 12), ("MOY", 12), ("ASE", 8), ("IPA", 5), ("BAL", 8), ("EUR", 3), ("AML", 7)];

    private static readonly string[] FirstNames =
        ["Claire", "Julien", "Sophie", "Nicolas", "Isabelle", "Thomas", "Hélène", "Laurent", "Camille", "Olivier", "Anne", "François", "Élodie", "Pierre", "Nathalie", "Hugo"];
    private static readonly string[] LastNames =
        ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefèvre", "Roux", "Fournier", "Girard", "Bonnet", "Mercier", "Blanc", "Guérin", "Faure", "Chevalier", "Garnier", "Lambert", "Rousseau"];
    private static readonly Dictionary<string, (string[] Grades, string[] Specialities)> ByAdministration = new()
    {
        ["ARM"] = (["Colonel", "Lieutenant-colonel", "Commandant", "Capitaine de frégate", "Général de brigade"],
            ["Organisation du commandement", "Logistique", "Ressources humaines militaires", "Formation des cadres", "Renseignement", "Génie"]),
        ["INT"] = (["Commissaire divisionnaire", "Colonel de gendarmerie", "Commandant de police", "Lieutenant-colonel de gendarmerie"],
            ["Police judiciaire", "Maintien de l'ordre", "Gestion intégrée des frontières", "Protection civile", "Cybercriminalité"]),
        ["ECO"] = (["Inspecteur des finances", "Administrateur des douanes", "Contrôleur général"],
            ["Lutte contre le financement du terrorisme", "Budget de la défense", "Contrôle des marchés publics"]),
        ["JUS"] = (["Magistrat", "Directeur des services pénitentiaires", "Greffier en chef"],
            ["Justice militaire", "Administration pénitentiaire", "Procédure pénale"]),
    };
    private static readonly string[] Subjects =
    [
        "Audit de l'organisation du commandement", "Conseil à la réforme du secteur de la sécurité", "Audit des écoles de formation des cadres",
        "Conseil en gestion des ressources humaines", "Appui à la rédaction d'une doctrine", "Audit de la chaîne logistique",
        "Conseil au cabinet du ministre", "Audit du dispositif de maintien de l'ordre", "Conseil en gestion intégrée des frontières",
        "Audit de la protection civile", "Appui à la création d'un centre de formation", "Conseil en lutte contre la cybercriminalité",
    ];
    private static readonly string[] RequesterTitles = ["Général", "Colonel", "Directeur général", "Secrétaire général", "Chef de cabinet"];
    private static readonly string[] RequesterNames = ["Amadou Diallo", "Youssef Benali", "Marko Petrović", "Fatou Sow", "Karim Haddad", "Nguyen Van Minh", "Oumar Traoré", "Salma Khoury"];
    private static readonly string[] Recommendations =
    [
        "Créer un bureau de la doctrine rattaché à l'état-major", "Adopter un statut des personnels", "Mettre en place un plan de formation des formateurs",
        "Rationaliser la chaîne d'approvisionnement", "Créer une inspection générale", "Réviser l'organigramme du ministère",
        "Informatiser la gestion des ressources humaines", "Instituer un comité de suivi de la réforme", "Doter les unités d'un manuel de procédures",
    ];
    private static readonly string[] Owners = ["Ministère de la défense", "État-major général", "Direction générale de la police", "Ministère de l'intérieur", "Direction de la protection civile"];
    private static readonly string[] HostTypes = ["PRESIDENCY", "DEFENCE_MINISTRY", "GENERAL_STAFF", "INTERIOR_MINISTRY", "GENDARMERIE", "POLICE", "CIVIL_PROTECTION", "JUSTICE_MINISTRY"];

    /// <summary>Builds the registry and the missions beside the coopérants and projects already added, for the one save that follows.</summary>
    public async Task GenerateAsync(Random random, DateOnly today, int scale, IReadOnlyList<Cooperant> cooperants, CancellationToken ct)
    {
        var administrations = await db.Administrations.Where(a => !a.TraineesOnly).OrderBy(a => a.Id).ToListAsync(ct);
        var zones = await db.Zones.ToDictionaryAsync(z => z.Code, z => z.Id, ct);
        var countriesByZone = (await db.Countries.Where(c => c.ZoneId != null).OrderBy(c => c.Id).ToListAsync(ct))
            .GroupBy(c => c.ZoneId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var domains = await db.Domains.OrderBy(d => d.Id).ToListAsync(ct);
        var types = await db.HostAuthorityTypes.ToDictionaryAsync(t => t.Code, ct);
        var projects = db.Projects.Local.ToList();
        var now = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var experts = Enumerable.Range(0, ExpertsAtScale1 * scale).Select(i =>
        {
            var administration = administrations[i < administrations.Count ? i : Pick(random.Next(100))];
            var (grades, specialities) = ByAdministration.GetValueOrDefault(administration.Code, ByAdministration["ARM"]);
            var (first, last) = (FirstNames[random.Next(FirstNames.Length)], LastNames[random.Next(LastNames.Length)] + (i >= 200 ? $"-{i}" : ""));
            return new Expert
            {
                FirstName = first, LastName = last, NormalizedName = Expert.Normalize(first, last), Administration = administration,
                Grade = grades[random.Next(grades.Length)], Speciality = specialities[random.Next(specialities.Length)],
                Email = $"expert{i + 1}@{administration.Code.ToLowerInvariant()}.example", Phone = $"+33 1 {random.Next(40, 80)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}",
            };
        }).ToList();
        db.Experts.AddRange(experts);

        // Long missions are the postings of coopérants with a partner's high authority: each takes one posting in a country.
        var partnerCountries = countriesByZone.Values.SelectMany(c => c).ToDictionary(c => c.Id);
        var postings = cooperants.SelectMany(c => c.Postings)
            .Where(p => p.OrganisationId is null && p.StartDate > today.AddYears(-10) && partnerCountries.ContainsKey(p.CountryId)).ToList();
        var longUsed = new HashSet<Posting>();
        var active = cooperants.Where(c => c.Postings.Any(p => p.ActualEndDate is null)).ToList();

        var count = MissionsPerYearAtScale1 * scale * 10;
        for (var i = 0; i < count; i++)
        {
            var requested = today.AddDays(-random.Next(0, 10 * 365));
            var isLong = i % 10 == 4;
            Posting? posting = null;
            if (isLong)
            {
                posting = postings.Where(p => !longUsed.Contains(p) && p.StartDate > requested).OrderBy(p => p.StartDate).FirstOrDefault();
                if (posting is not null) longUsed.Add(posting);
                else isLong = false;
            }
            Country country;
            if (posting is not null) country = partnerCountries[posting.CountryId];
            else
            {
                var zone = zones[Weighted(random, ZoneWeights)];
                var candidates = countriesByZone.GetValueOrDefault(zone) ?? countriesByZone.Values.First();
                country = candidates[random.Next(candidates.Count)];
            }
            var start = posting?.StartDate ?? requested.AddDays(random.Next(30, 120));
            var end = posting?.EffectiveEnd ?? start.AddDays(random.Next(4, 28));
            var type = posting is not null ? types.Values.First(t => t.Id == posting.HostAuthorityTypeId) : types[HostTypes[random.Next(HostTypes.Length)]];
            var domain = domains[random.Next(domains.Count)];
            var mission = new ExpertiseMission
            {
                CountryId = country.Id, HostAuthorityType = type, HostAuthorityName = posting?.HostAuthorityName ?? $"{type.NameFr} — {country.NameFr}",
                RequestedBy = $"{RequesterTitles[random.Next(RequesterTitles.Length)]} {RequesterNames[random.Next(RequesterNames.Length)]}",
                RequestedOn = requested, Subject = posting is not null ? $"Conseiller auprès de : {posting.HostAuthorityName}" : Subjects[random.Next(Subjects.Length)],
                Domain = domain, Form = isLong ? MissionForm.Long : MissionForm.Short, PlannedStartDate = start, PlannedEndDate = end,
            };
            var project = projects.FirstOrDefault(p => p.StartDate <= start && p.EndDate >= start && p.Locations.Any(l => l.CountryId == country.Id));
            if (project is not null && random.Next(3) > 0) mission.Project = project;
            db.Missions.Add(mission);
            Advance(random, today, mission, posting, experts, active, now, i);
        }
    }

    /// <summary>Takes a mission as far along its cycle as its dates allow: what a desk officer and the director would have done by today.</summary>
    private static void Advance(Random random, DateOnly today, ExpertiseMission mission, Posting? posting, List<Expert> experts,
        List<Cooperant> active, DateTimeOffset now, int index)
    {
        var requested = mission.RequestedOn;
        if (requested.AddDays(10) > today) return;
        mission.Assess("Conforme aux priorités de la zone.", "Experts disponibles dans les administrations.", "Contexte sécuritaire à suivre.",
            "Chargé de mission de la zone", requested.AddDays(10));
        if (requested.AddDays(20) > today) return;
        if (index % 10 == 7)
        {
            mission.Decide(false, "Demande hors des priorités de la zone cette année.", "Directeur", requested.AddDays(20));
            return;
        }
        mission.Decide(true, null, "Directeur", requested.AddDays(20));
        if (requested.AddDays(25) > today) return;

        var (start, end) = (mission.PlannedStartDate, mission.PlannedEndDate);
        var span = end.DayNumber - start.DayNumber + 1;
        if (posting is not null)
            // A long mission is a full-time posting: about 220 working days a year.
            mission.Assign(posting.Cooperant!, start, end, Math.Clamp(span * 220 / 365, 1, span)).Posting = posting;
        else
        {
            foreach (var expert in Enumerable.Range(0, 1 + random.Next(2)).Select(_ => experts[random.Next(experts.Count)]).Distinct())
                mission.Assign(expert, start, end, Math.Max(1, span - random.Next(0, 3)));
            if (random.Next(4) == 0 && active.Count > 0)
                mission.Assign(active[random.Next(active.Count)], start, end, Math.Max(1, span - random.Next(0, 3)));
        }
        if (start > today) return;
        mission.Start(start);
        if (end.AddDays(30) > today) return;
        mission.ReportFile = StoredFile.Of($"rapport-mission-{index + 1}.pdf", FileKinds.Pdf, Pdf(mission.Subject), now);
        mission.Report(end, $"Mission conduite auprès de {mission.HostAuthorityName} : constats et recommandations remis au partenaire.", true, end.AddDays(30));

        var recommendations = 2 + random.Next(4);
        for (var r = 0; r < recommendations; r++)
        {
            var due = end.AddMonths(3 + random.Next(16));
            var recommendation = mission.Recommend(Recommendations[random.Next(Recommendations.Length)], Owners[random.Next(Owners.Length)], due,
                (RecommendationPriority)(1 + random.Next(3)));
            var noted = end.AddDays(60);
            if (noted > today) continue;
            var roll = random.Next(100);
            // Past due: most implemented, some abandoned, some still open or in progress (overdue). Not yet due: on their way.
            var to = due <= today
                ? roll switch { < 55 => RecommendationStatus.Implemented, < 65 => RecommendationStatus.Abandoned, < 82 => RecommendationStatus.InProgress, _ => (RecommendationStatus?)null }
                : roll switch { < 20 => RecommendationStatus.Implemented, < 60 => RecommendationStatus.InProgress, _ => (RecommendationStatus?)null };
            if (to == RecommendationStatus.Implemented || to == RecommendationStatus.Abandoned)
                recommendation.FollowUp("Travaux engagés par l'autorité responsable.", RecommendationStatus.InProgress, "Coopérant du pays", noted);
            var on = to is RecommendationStatus.Implemented or RecommendationStatus.Abandoned ? (due < today ? due : today) : noted;
            if (to is not null) recommendation.FollowUp(to == RecommendationStatus.Abandoned ? "Abandonnée faute de moyens." : "Point d'étape avec le partenaire.",
                to, "Coopérant du pays", on < noted ? noted : on);
        }
        // Missions whose recommendations are all settled are closed; a few older ones are closed with some still open, with the reason.
        var closing = end.AddMonths(18);
        if (closing > today) return;
        if (mission.Recommendations.All(r => r.IsFinished)) mission.Close(null, closing);
        else if (random.Next(3) == 0) mission.Close("Suivi transféré au projet de coopération du pays.", closing);
    }

    private static byte[] Pdf(string title) => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
        $"% {new string(title.Where(char.IsAscii).ToArray())}\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>Armed forces 60 %, interior 30 %, economy 5 %, justice 5 %.</summary>
    private static int Pick(int roll) => roll < 60 ? 0 : roll < 90 ? 1 : roll < 95 ? 2 : 3;

    private static string Weighted(Random random, (string Code, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (code, weight) in choices)
            if ((roll -= weight) < 0) return code;
        return choices[^1].Code;
    }
}
