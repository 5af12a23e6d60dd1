namespace Cooperation.Web.Data;

/// <summary>
/// The training part of the demo directorate: a catalogue for every school, ten years of sessions (about 2,400 trainees
/// a year from some 30 countries at scale 1), alumni with careers, and nominations pending for the coming sessions.
/// Written school after school (<see cref="BulkInsert"/>), so that the graph is never whole in memory: at scale 10 it
/// holds some 300,000 trainees and 340,000 nominations. The courses go through the change tracker (their audience is a
/// many-to-many link); the sessions, quotas, trainees, nominations and careers, nine records in ten, are written
/// without it (<see cref="BulkInsert.InsertNewAsync"/>): attaching each session's graph took more time than writing
/// it. What later schools and the careers need of earlier ones is kept lightly (<see cref="TraineeTrack"/>).
/// </summary>
public class DemoTrainingData(CooperationDbContext db)
{
    /// <summary>A held session, once written: what the projects need to attach it to one (<see cref="DemoProjectData"/>).</summary>
    public sealed record HeldSession(int Id, int SchoolCountryId, DateOnly StartDate, DateOnly EndDate, string Place);

    /// <summary>What the generator still needs of a trainee once his nominations are written.</summary>
    private sealed class TraineeTrack
    {
        /// <summary>The session of his latest nomination: sessions are filled one at a time, so it tells whether he is already in the one being filled.</summary>
        public CourseSession? LastSession;
        /// <summary>The end of the first session he passed, if any.</summary>
        public DateOnly FirstPassed;
    }

    private readonly List<HeldSession> _held = [];
    private readonly List<CourseSession> _pending = [];

    /// <summary>The held sessions, in the order they were generated (after <see cref="GenerateAsync"/>).</summary>
    public IReadOnlyList<HeldSession> Held => _held;

    public const string CertificateAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static readonly string[] WestAfrica = ["SN", "ML", "CI", "BF", "NE", "GN", "MR", "BJ", "TG", "GW", "TD", "CV", "CM"];
    private static readonly string[] CentralAfrica = ["CM", "GA", "CG", "CD", "CF", "TD", "GQ", "BI", "RW", "BJ", "TG"];
    private static readonly string[] Balkans = ["ME", "RS", "BA", "AL", "MK", "XK"];
    private static readonly string[] Worldwide = ["SN", "CI", "ML", "CM", "MA", "TN", "LB", "JO", "DJ", "MG", "KM", "VN", "KH", "GA", "NE", "BF"];

    internal static readonly Dictionary<string, (string[] Male, string[] Female, string[] Last)> NamesByRegion = new()
    {
        ["west"] = (["Mamadou", "Ousmane", "Ibrahima", "Moussa", "Abdoulaye", "Cheikh", "Souleymane", "Boubacar", "Amadou", "Yacouba", "Kouassi", "Koffi", "Seydou", "Issa", "Lassina", "Adama", "Aliou", "Modibo", "Hamidou", "Kodjo"],
                    ["Aminata", "Fatoumata", "Mariam", "Awa", "Kadiatou", "Aïssatou", "Adjoa", "Akissi", "Rokia", "Ramatou", "Ndèye", "Salimata", "Mariétou", "Affoué", "Binta"],
                    ["Diop", "Ndiaye", "Fall", "Sow", "Ba", "Diallo", "Traoré", "Coulibaly", "Keïta", "Ouattara", "Kouassi", "Konan", "Yao", "Koné", "Touré", "Sangaré", "Ouédraogo", "Sawadogo", "Kaboré", "Camara", "Bah", "Barry", "Sylla", "Maïga", "Issoufou", "Mensah", "Agbo", "Dossou", "Ahouandjinou", "Mahamat", "Diarra", "Cissé", "Sarr", "Mbaye", "Gueye", "Tall", "Kanté", "Doumbia", "Bamba", "Zongo"]),
        ["central"] = (["Jean-Pierre", "Serge", "Blaise", "Hervé", "Patrice", "Guy-Roger", "Fabrice", "Landry", "Armel", "Christian", "Thierry", "Rodrigue", "Aimé", "Didier", "Joseph"],
                       ["Clarisse", "Yvette", "Brigitte", "Sandrine", "Pélagie", "Chantal", "Nadège", "Ornella", "Prisca", "Gisèle"],
                       ["Mbarga", "Atangana", "Nkoulou", "Fotso", "Ngono", "Ndong", "Obame", "Mba", "Mabiala", "Nkounkou", "Moukala", "Mukendi", "Ilunga", "Kabongo", "Nzeyimana", "Habimana", "Ngarlejy", "Essomba", "Owona", "Bongo", "Tchatchoua", "Kamga", "Ondo", "Bikoro", "Nsimba"]),
        ["balkans"] = (["Marko", "Nikola", "Stefan", "Luka", "Milan", "Arben", "Besnik", "Dragan", "Emir", "Goran", "Ilir", "Jovan"],
                       ["Ana", "Milica", "Jelena", "Marija", "Elira", "Amra", "Ivana", "Teodora", "Lejla", "Sara"],
                       ["Petrović", "Jovanović", "Nikolić", "Popović", "Marković", "Đukanović", "Hoxha", "Krasniqi", "Berisha", "Hodžić", "Kovačević", "Stojanovski", "Dimitrovski", "Vukčević", "Begović", "Gashi"]),
        ["other"] = (["Mohamed", "Ahmed", "Youssef", "Karim", "Rachid", "Omar", "Hassan", "Tuan", "Sokha", "Rindra", "Said", "Ali", "Nabil", "Samir"],
                     ["Fatima", "Leïla", "Nadia", "Salma", "Hoa", "Sreymom", "Voahangy", "Zahra", "Rania", "Amina"],
                     ["El Amrani", "Benali", "Haddad", "Khoury", "Nasser", "Trabelsi", "Nguyen", "Tran", "Sok", "Rakotomalala", "Randrianarivelo", "Abdallah", "Omar", "Farah", "Mansour", "Saadi"]),
    };

    private static readonly Dictionary<string, string[]> AudienceByDomain = new()
    {
        ["PEACEKEEPING"] = ["ARM", "INT"], ["HEALTH"] = ["ARM"], ["DEMINING"] = ["ARM"], ["PUBLIC_ORDER"] = ["INT"],
        ["ENGINEERING"] = ["ARM"], ["CADRE_TRAINING"] = ["ARM"], ["MARITIME_SECURITY"] = ["ARM", "INT", "DOU"],
        ["CIVIL_PROTECTION"] = ["INT"], ["STATE_ACTION_AT_SEA"] = ["ARM", "DOU"], ["COUNTER_TERRORISM"] = ["ARM", "INT", "JUS"],
        ["CYBERSECURITY"] = ["ARM", "INT", "JUS"], ["JUDICIAL_POLICE"] = ["INT", "JUS"], ["BORDER_MANAGEMENT"] = ["INT", "DOU"],
        ["FRENCH_LANGUAGE"] = ["ARM", "INT"],
    };

    private static readonly (CourseLevel Level, string Fr, string En, int Days)[] Levels =
    [
        (CourseLevel.Initial, "Cours initial", "Basic course", 15),
        (CourseLevel.Intermediate, "Cours de perfectionnement", "Intermediate course", 21),
        (CourseLevel.Advanced, "Cours supérieur", "Advanced course", 35),
        (CourseLevel.Senior, "Séminaire de haut niveau", "Senior seminar", 5),
    ];

    private static readonly Dictionary<string, string[]> RanksByAdministration = new()
    {
        ["ARM"] = ["Lieutenant", "Capitaine", "Commandant", "Lieutenant-colonel", "Colonel", "Adjudant-chef", "Major"],
        ["INT"] = ["Commissaire de police", "Officier de police", "Capitaine de gendarmerie", "Lieutenant de gendarmerie", "Inspecteur de police", "Lieutenant-colonel de sapeurs-pompiers"],
        ["JUS"] = ["Magistrat", "Greffier", "Juge d'instruction", "Substitut du procureur"],
        ["DOU"] = ["Inspecteur des douanes", "Contrôleur des douanes", "Officier des douanes"],
        ["ECO"] = ["Inspecteur du trésor", "Contrôleur financier"],
    };

    private static readonly string[] Positions =
    [
        "Chef de section", "Commandant de compagnie", "Officier d'état-major", "Chef de bureau opérations", "Instructeur",
        "Commandant de brigade", "Chef de service", "Officier de liaison", "Adjoint au chef de division", "Chef de poste frontière",
    ];

    private static readonly (string Position, bool Prominent)[] CareerPositions =
    [
        ("Chef d'état-major de l'armée de terre", true), ("Directeur général de la police nationale", true),
        ("Commandant de la gendarmerie nationale", true), ("Ministre délégué à la défense", true),
        ("Directeur de l'école nationale de police", true), ("Attaché de défense à Paris", true),
        ("Chef d'état-major particulier du président", true), ("Procureur général", true),
        ("Commandant de région militaire", false), ("Directeur des ressources humaines", false), ("Chef de corps", false),
        ("Directeur adjoint des opérations", false), ("Chef du bureau formation", false), ("Commandant de base navale", false),
        ("Directeur régional des douanes", false), ("Chef de la cellule de lutte contre la cybercriminalité", false),
    ];

    public async Task GenerateAsync(Random random, DateOnly today, int scale, CancellationToken ct)
    {
        var schools = await db.RegionalSchools.Include(s => s.Domains).Include(s => s.Country).OrderBy(s => s.Id).ToListAsync(ct);
        var admins = await db.Administrations.ToDictionaryAsync(a => a.Code, ct);
        var countries = await db.Countries.ToDictionaryAsync(c => c.Iso2, ct);
        var domains = await db.Domains.ToDictionaryAsync(d => d.Code, ct);
        var codes = new HashSet<string>();
        var traineesByCountry = new Dictionary<int, List<Trainee>>();
        var courses = new List<Course>();
        var nominationsOf = new Dictionary<Trainee, TraineeTrack>();

        foreach (var school in schools)
        {
            var (pool, region) = PoolOf(school);
            var invited = pool.Select(c => countries[c]).ToList();
            var isEnvr = school.Kind == TrainingPlaceKind.RegionalSchool;
            var courseCount = isEnvr ? 3 + random.Next(3) : 1;
            for (var c = 0; c < courseCount; c++)
            {
                var domain = school.Domains[c % school.Domains.Count];
                var level = Levels[(c + random.Next(2)) % Levels.Length];
                var course = new Course
                {
                    School = school, Code = $"{domain.Code[..3]}-{c + 1:00}", Domain = domain, Level = level.Level,
                    TitleFr = $"{level.Fr} — {domain.NameFr.ToLowerInvariant()}", TitleEn = $"{level.En} — {domain.NameEn.ToLowerInvariant()}",
                    DurationDays = level.Days, Languages = region == "balkans" ? "en,fr" : "fr",
                    Audience = AudienceByDomain[domain.Code].Select(a => admins[a]).ToList(),
                };
                // Attached: records already written (the school, its countries) stay as they are, new ones are added.
                db.Attach(course);
                courses.Add(course);

                var capacity = isEnvr ? 20 + random.Next(9) : 10 + random.Next(5);
                var perYear = (isEnvr && random.Next(10) < 3 ? 2 : 1) * scale;
                for (var year = today.Year - 10; year <= today.Year + 1; year++)
                    for (var k = 0; k < perYear; k++)
                    {
                        var start = new DateOnly(year, 1, 8).AddDays(random.Next(0, 330));
                        if (start.Year < school.OpenedYear) continue;
                        if (start > today.AddMonths(9)) continue;
                        var session = new CourseSession
                        {
                            Course = course, StartDate = start, EndDate = start.AddDays(level.Days - 1),
                            Place = $"{school.City} ({school.Acronym})", Capacity = capacity,
                        };
                        FillSession(random, session, invited, region, admins, today, codes, traineesByCountry, nominationsOf, course);
                        _pending.Add(session);
                    }
            }
            await FlushAsync(ct);
        }

        // The school director's school always has a session open to Côte d'Ivoire in the coming weeks.
        var empabb = schools.Single(s => s.Acronym == "EMPABB");
        var showcaseCourse = courses.First(c => c.School == empabb);
        var showcase = new CourseSession
        {
            Course = showcaseCourse, StartDate = today.AddDays(45), EndDate = today.AddDays(45 + showcaseCourse.DurationDays - 1),
            Place = $"{empabb.City} ({empabb.Acronym})", Capacity = 24,
        };
        foreach (var (iso2, seats) in new[] { ("CI", 5), ("SN", 5), ("ML", 5), ("BF", 4), ("NE", 5) })
            showcase.Quotas.Add(new SessionQuota { Session = showcase, Country = countries[iso2], Seats = seats });
        showcase.Status = SessionStatus.Open;
        foreach (var quota in showcase.Quotas.Where(q => q.Country!.Iso2 != "CI"))
            for (var i = 0; i < 2; i++)
                AddNomination(random, showcase, quota.Country!, "west", admins, showcaseCourse, today, traineesByCountry, nominationsOf, accepted: i == 0, clearedOnly: false);
        _pending.Add(showcase);
        await FlushAsync(ct);

        await BulkInsert.InsertNewAsync(db, Careers(random, today, nominationsOf), ct);
    }

    /// <summary>
    /// Writes the courses the tracker holds, then the pending sessions with their quotas, new trainees and nominations,
    /// each taking its keys; then lets the sessions' records go: a session stays known as a trainee's last one
    /// (<see cref="TraineeTrack"/>) but holds its quotas and nominations no longer, so that those can be collected.
    /// </summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        await BulkInsert.SaveAddedAsync(db, ct);
        db.ChangeTracker.Clear();
        var nominations = _pending.SelectMany(s => s.Nominations).ToList();
        await BulkInsert.InsertNewAsync(db, _pending, ct);
        await BulkInsert.InsertNewAsync(db, _pending.SelectMany(s => s.Quotas).ToList(), ct);
        await BulkInsert.InsertNewAsync(db, nominations.Select(n => n.Trainee!).Where(t => t.Id == 0).Distinct().ToList(), ct);
        await BulkInsert.InsertNewAsync(db, nominations, ct);
        foreach (var session in _pending)
        {
            if (session.Status == SessionStatus.Completed)
                _held.Add(new HeldSession(session.Id, session.Course!.School!.CountryId, session.StartDate, session.EndDate, session.Place));
            session.Quotas.Clear();
            session.Nominations.Clear();
        }
        _pending.Clear();
    }

    private static (string[] Pool, string Region) PoolOf(RegionalSchool school) => school.Country!.Iso2 switch
    {
        "ME" => (Balkans, "balkans"),
        "CM" or "GA" or "CG" => (CentralAfrica, "central"),
        _ when school.Kind != TrainingPlaceKind.RegionalSchool => (Worldwide, "other"),
        _ => (WestAfrica, "west"),
    };

    private static void FillSession(Random random, CourseSession session, List<Country> pool, string region, Dictionary<string, Administration> admins,
        DateOnly today, HashSet<string> codes, Dictionary<int, List<Trainee>> traineesByCountry, Dictionary<Trainee, TraineeTrack> nominationsOf, Course course)
    {
        // Five to eight invited countries share the seats.
        var invited = pool.OrderBy(_ => random.Next()).Take(Math.Min(pool.Count, 5 + random.Next(4))).ToList();
        var left = session.Capacity;
        for (var i = 0; i < invited.Count; i++)
        {
            var seats = i == invited.Count - 1 ? left : Math.Max(1, session.Capacity / invited.Count + random.Next(-1, 2));
            seats = Math.Min(seats, left);
            left -= seats;
            if (seats > 0) session.Quotas.Add(new SessionQuota { Session = session, Country = invited[i], Seats = seats });
        }

        var past = session.EndDate < today;
        var running = !past && session.StartDate <= today;
        var soon = session.StartDate > today && session.StartDate <= today.AddMonths(6);
        session.Status = past ? SessionStatus.Completed : running ? SessionStatus.Closed : soon ? SessionStatus.Open : SessionStatus.Planned;
        if (session.Status == SessionStatus.Planned) return;

        foreach (var quota in session.Quotas)
        {
            var candidates = quota.Seats + random.Next(0, 3);
            for (var n = 0; n < candidates; n++)
            {
                var fits = n < quota.Seats && random.Next(100) < 96;
                if (session.Status == SessionStatus.Open)
                {
                    AddNomination(random, session, quota.Country!, region, admins, course, today, traineesByCountry, nominationsOf,
                        accepted: fits && random.Next(100) < 35, clearedOnly: false);
                    continue;
                }
                var nomination = AddNomination(random, session, quota.Country!, region, admins, course, today, traineesByCountry, nominationsOf,
                    accepted: fits, clearedOnly: true);
                if (nomination.Status != NominationStatus.Accepted || !past) continue;
                var attended = random.Next(100) < 97;
                nomination.Attended = attended;
                if (!attended) continue;
                var roll = random.Next(100);
                nomination.Result = roll < 92 ? TrainingResult.Passed : roll < 97 ? TrainingResult.Failed : TrainingResult.Withdrew;
                // One who withdrew was not present to the end (Nomination.RecordOutcome).
                if (nomination.Result == TrainingResult.Withdrew) nomination.Attended = false;
                if (nomination.Result == TrainingResult.Passed)
                {
                    var track = nominationsOf[nomination.Trainee!];
                    if (track.FirstPassed == default || session.EndDate < track.FirstPassed) track.FirstPassed = session.EndDate;
                    string code;
                    do code = new string(Enumerable.Range(0, 10).Select(_ => CertificateAlphabet[random.Next(CertificateAlphabet.Length)]).ToArray());
                    while (!codes.Add(code));
                    nomination.CertificateCode = code;
                    nomination.CertificateIssuedAt = session.EndDate.AddDays(1).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
                }
            }
        }
    }

    private static Nomination AddNomination(Random random, CourseSession session, Country country, string region, Dictionary<string, Administration> admins,
        Course course, DateOnly today, Dictionary<int, List<Trainee>> traineesByCountry, Dictionary<Trainee, TraineeTrack> nominationsOf,
        bool accepted, bool clearedOnly)
    {
        var trainee = PickTrainee(random, session, country, region, admins, course, traineesByCountry, nominationsOf);
        // Nothing already done is dated in the future: a candidate to a session months ahead was put forward days ago.
        var now = today.AddDays(-1).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var submitted = session.StartDate.AddDays(-random.Next(30, 120)).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        if (submitted > now.AddDays(-3)) submitted = now.AddDays(-3);
        var nomination = new Nomination
        {
            Session = session, Trainee = trainee, Country = country, SubmittedAt = submitted,
            Status = NominationStatus.Submitted, Screening = ScreeningStatus.Pending,
        };
        var decided = submitted.AddDays(random.Next(3, 20));
        if (decided > now) decided = now;
        if (accepted)
        {
            nomination.Screening = ScreeningStatus.Cleared;
            nomination.ScreenedAt = decided.AddDays(-1);
            nomination.ScreenedBy = "desk.africa@demo.local";
            nomination.Status = NominationStatus.Accepted;
            nomination.DecidedAt = decided;
            nomination.DecidedBy = "desk.africa@demo.local";
        }
        else if (clearedOnly)
        {
            // Past sessions: the extra candidates were refused, withdrew, or stayed on the waiting list.
            var roll = random.Next(3);
            nomination.Status = roll == 0 ? NominationStatus.Refused : roll == 1 ? NominationStatus.Withdrawn : NominationStatus.Waitlisted;
            nomination.DecidedAt = decided;
            nomination.DecidedBy = "desk.africa@demo.local";
            if (nomination.Status == NominationStatus.Waitlisted)
            {
                nomination.Screening = ScreeningStatus.Cleared;
                nomination.WaitlistedAt = decided;
            }
        }
        else
        {
            // Coming sessions: nominations waiting for a decision, some already screened.
            var roll = random.Next(4);
            if (roll >= 1) { nomination.Screening = ScreeningStatus.Cleared; nomination.ScreenedAt = decided; nomination.ScreenedBy = "desk.africa@demo.local"; }
            if (roll == 2) { nomination.Status = NominationStatus.UnderReview; nomination.DecidedAt = decided; nomination.DecidedBy = "desk.africa@demo.local"; }
        }
        session.Nominations.Add(nomination);
        if (!nominationsOf.TryGetValue(trainee, out var track)) nominationsOf[trainee] = track = new TraineeTrack();
        track.LastSession = session;
        return nomination;
    }

    /// <summary>One trainee in eight comes back for another course: the same person, not a new record.</summary>
    private static Trainee PickTrainee(Random random, CourseSession session, Country country, string region, Dictionary<string, Administration> admins,
        Course course, Dictionary<int, List<Trainee>> traineesByCountry, Dictionary<Trainee, TraineeTrack> nominationsOf)
    {
        if (!traineesByCountry.TryGetValue(country.Id, out var known)) traineesByCountry[country.Id] = known = [];
        if (known.Count > 20 && random.Next(8) == 0)
        {
            var again = known[random.Next(known.Count)];
            if (nominationsOf[again].LastSession != session
                && session.StartDate.Year - again.BirthDate.Year < 58)
                return again;
        }
        var audience = course.Audience.Count > 0 ? course.Audience : [admins["ARM"]];
        var admin = audience[random.Next(audience.Count)];
        var womenPercent = admin.Code switch { "ARM" => 12, "INT" => 24, "JUS" => 38, "DOU" => 22, _ => 25 };
        var gender = random.Next(100) < womenPercent ? Gender.Female : Gender.Male;
        var names = NamesByRegion[region == "other" ? OtherRegionOf(country.Iso2) : region];
        var first = gender == Gender.Female ? names.Female[random.Next(names.Female.Length)] : names.Male[random.Next(names.Male.Length)];
        var last = names.Last[random.Next(names.Last.Length)];
        var ranks = RanksByAdministration[admin.Code];
        var trainee = new Trainee
        {
            FirstName = first, LastName = last, NormalizedName = Trainee.Normalize(first, last),
            BirthDate = session.StartDate.AddYears(-(26 + random.Next(22))).AddDays(-random.Next(365)),
            Gender = gender, Nationality = country, Administration = admin,
            Rank = ranks[random.Next(ranks.Length)], Position = Positions[random.Next(Positions.Length)],
        };
        known.Add(trainee);
        return trainee;
    }

    internal static string OtherRegionOf(string iso2) => iso2 switch
    {
        "CM" or "GA" => "central",
        "SN" or "CI" or "ML" or "NE" or "BF" => "west",
        _ => "other",
    };

    /// <summary>A quarter of the alumni trained more than two years ago have a known later career; some rose to prominence.</summary>
    private static List<CareerEntry> Careers(Random random, DateOnly today, Dictionary<Trainee, TraineeTrack> nominationsOf)
    {
        var careers = new List<CareerEntry>();
        foreach (var (trainee, track) in nominationsOf)
        {
            var passed = track.FirstPassed;
            if (passed == default || passed > today.AddYears(-2) || random.Next(4) != 0) continue;
            var start = passed.AddMonths(random.Next(6, 18));
            var entries = 1 + random.Next(2);
            for (var i = 0; i < entries && start < today; i++)
            {
                var pick = CareerPositions[random.Next(CareerPositions.Length)];
                var prominent = pick.Prominent && random.Next(3) == 0;
                var position = prominent ? pick.Position : CareerPositions[8 + random.Next(CareerPositions.Length - 8)].Position;
                var end = start.AddMonths(18 + random.Next(30));
                careers.Add(new CareerEntry
                {
                    TraineeId = trainee.Id, Position = position, Organisation = OrganisationFor(trainee),
                    StartDate = start, EndDate = end < today ? end : null, Prominent = prominent,
                });
                start = end.AddDays(1);
            }
        }
        return careers;
    }

    private static string OrganisationFor(Trainee trainee) => trainee.Administration!.Code switch
    {
        "ARM" => $"Forces armées — {trainee.Nationality!.NameFr}",
        "INT" => $"Ministère de l'intérieur — {trainee.Nationality!.NameFr}",
        "JUS" => $"Ministère de la justice — {trainee.Nationality!.NameFr}",
        "DOU" => $"Douanes — {trainee.Nationality!.NameFr}",
        _ => $"Administration — {trainee.Nationality!.NameFr}",
    };
}
