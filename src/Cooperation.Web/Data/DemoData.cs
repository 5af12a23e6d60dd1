using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Data;

public class DemoOptions
{
    /// <summary>Generate demo data at first start (true in Development, never in Production unless set).</summary>
    public bool Enabled { get; set; }
    public int Scale { get; set; } = 1;
    public int Seed { get; set; } = 2026;
    /// <summary>Password of the demo accounts; generated and printed once when not set.</summary>
    public string? Password { get; set; }
}

/// <summary>
/// Generates a realistic directorate, deterministically from a seed: at scale 1, 312 active coopérants from
/// 4 administrations posted in 52 countries and organisations, with ten years of past postings and vacancies.
/// </summary>
public class DemoData(CooperationDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<DemoData> log)
{
    public const int ActiveCooperantsAtScale1 = 312;

    // Destinations: 46 countries and 6 organisations, with a weight for the share of the network they host.
    private static readonly (string Code, int Weight)[] CountryDestinations =
    [
        ("SN", 20), ("CI", 18), ("ML", 8), ("BF", 9), ("NE", 12), ("TD", 12), ("CM", 14), ("GA", 8), ("BJ", 9),
        ("TG", 8), ("MR", 10), ("GN", 7), ("CG", 6), ("CD", 8), ("CF", 6), ("DJ", 8), ("MG", 6), ("GW", 3),
        ("CV", 2), ("GH", 4), ("NG", 4), ("ET", 3), ("KE", 3), ("RW", 2), ("BI", 2), ("KM", 2), ("MA", 6),
        ("TN", 6), ("DZ", 2), ("EG", 5), ("LY", 3), ("LB", 8), ("JO", 5), ("IQ", 5), ("AE", 4), ("SA", 3),
        ("VN", 3), ("KH", 3), ("LA", 2), ("ID", 2), ("IN", 2), ("AL", 2), ("RS", 3), ("BA", 2), ("ME", 2), ("MK", 2),
    ];
    private static readonly (string Acronym, int Weight)[] OrganisationDestinations =
        [("ONU", 6), ("UA", 5), ("UE", 4), ("OIF", 2), ("G5S", 3), ("CEDEAO", 3)];

    private static readonly string[] FirstNames =
    [
        "Jean", "Pierre", "Marie", "Sophie", "Nicolas", "Julien", "Camille", "Thomas", "Claire", "Antoine", "Isabelle",
        "François", "Laurent", "Céline", "Mathieu", "Élodie", "Olivier", "Aurélie", "Guillaume", "Nathalie", "Sébastien",
        "Anne", "Vincent", "Hélène", "Frédéric", "Caroline", "Stéphane", "Valérie", "Christophe", "Émilie", "Benoît",
        "Agnès", "Yannick", "Delphine", "Hervé", "Karine", "Bruno", "Sandrine", "Romain", "Virginie", "Arnaud", "Léa",
        "Damien", "Pauline", "Loïc", "Mathilde", "Cédric", "Justine", "Gaël", "Solène", "Rémi", "Margaux",
    ];
    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
        "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
        "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier",
        "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu",
        "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard",
        "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer",
        "Lucas", "Meunier", "Jean", "Pérez", "Marchand", "Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas",
        "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez", "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert",
        "Giraud", "Leclerc", "Vidal", "Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq",
        "Lacroix", "Fabre", "Dupuis", "Olivier", "Rodriguez", "Da Silva", "Hubert", "Louis", "Charles", "Guillot",
        "Rivière", "Le Gall", "Guillaume", "Adam", "Rey", "Moulin", "Gonzalez", "Berger", "Lecomte", "Ménard", "Fleury",
        "Deschamps", "Carpentier", "Julien", "Benoît", "Paris", "Maillard", "Marchal", "Aubry", "Vasseur", "Le Roux",
        "Renault", "Jacquet", "Collet", "Prévost", "Poirier", "Charpentier", "Royer", "Huet", "Baron", "Dupuy", "Pons",
        "Paul", "Laine", "Carré", "Breton", "Rémy", "Schneider", "Perrot", "Guyot", "Barre", "Marty", "Cousin", "Kerguelen",
    ];

    private static readonly Dictionary<string, string[]> RanksByAdministration = new()
    {
        ["ARM"] = ["Colonel", "Lieutenant-colonel", "Commandant", "Capitaine", "Capitaine de frégate", "Capitaine de corvette",
                   "Lieutenant de vaisseau", "Major", "Adjudant-chef", "Médecin en chef", "Commissaire en chef"],
        ["INT"] = ["Colonel de gendarmerie", "Lieutenant-colonel de gendarmerie", "Chef d'escadron", "Capitaine de gendarmerie",
                   "Commissaire divisionnaire", "Commissaire de police", "Commandant de police", "Major de police", "Lieutenant-colonel de sapeurs-pompiers"],
        ["ECO"] = ["Inspecteur principal des douanes", "Inspecteur régional des douanes", "Inspecteur des finances publiques"],
        ["JUS"] = ["Magistrat", "Directeur des services pénitentiaires", "Greffier en chef", "Directeur de la protection judiciaire de la jeunesse"],
    };

    private static readonly Dictionary<string, string[]> AuthorityTypesByAdministration = new()
    {
        ["ARM"] = ["GENERAL_STAFF", "DEFENCE_MINISTRY", "SCHOOL", "GENERAL_STAFF", "PRESIDENCY"],
        ["INT"] = ["GENDARMERIE", "POLICE", "INTERIOR_MINISTRY", "CIVIL_PROTECTION", "SCHOOL"],
        ["ECO"] = ["CUSTOMS"],
        ["JUS"] = ["JUSTICE_MINISTRY"],
    };

    private static readonly Dictionary<string, string[]> PositionsByAuthorityType = new()
    {
        ["GENERAL_STAFF"] = ["Conseiller du chef d'état-major général", "Conseiller opérations", "Conseiller formation", "Conseiller logistique", "Conseiller renseignement"],
        ["DEFENCE_MINISTRY"] = ["Conseiller du ministre de la défense", "Conseiller ressources humaines", "Conseiller planification"],
        ["PRESIDENCY"] = ["Conseiller défense et sécurité", "Conseiller sécurité auprès du Premier ministre"],
        ["SCHOOL"] = ["Directeur des études", "Directeur adjoint", "Instructeur", "Conseiller pédagogique"],
        ["GENDARMERIE"] = ["Conseiller du directeur général de la gendarmerie", "Conseiller police judiciaire", "Conseiller maintien de l'ordre"],
        ["POLICE"] = ["Conseiller du directeur général de la police", "Conseiller lutte antiterroriste", "Conseiller police aux frontières"],
        ["INTERIOR_MINISTRY"] = ["Conseiller du ministre de l'intérieur", "Conseiller gestion de crise"],
        ["CIVIL_PROTECTION"] = ["Conseiller protection civile", "Conseiller secours et sauvetage"],
        ["CUSTOMS"] = ["Conseiller du directeur général des douanes", "Conseiller lutte contre la fraude"],
        ["JUSTICE_MINISTRY"] = ["Conseiller du ministre de la justice", "Conseiller administration pénitentiaire"],
        ["ORGANISATION"] = ["Officier de liaison", "Conseiller militaire", "Conseiller police", "Expert détaché"],
    };

    private static readonly string[] ExtraLanguages = ["arabe", "portugais", "espagnol", "russe", "wolof", "swahili", "allemand"];

    public record DemoAccount(string Email, string Role, string Scope);

    public async Task<(string Password, IReadOnlyList<DemoAccount> Accounts)?> GenerateAsync(DemoOptions options, CancellationToken ct = default)
    {
        if (await db.Cooperants.AnyAsync(ct)) return null;

        var random = new Random(options.Seed);
        var today = clock.Today();
        var scale = Math.Max(1, options.Scale);

        var admins = await db.Administrations.Where(a => !a.TraineesOnly).OrderBy(a => a.Id).ToListAsync(ct);
        var domains = await db.Domains.OrderBy(d => d.Id).ToListAsync(ct);
        var types = await db.HostAuthorityTypes.ToDictionaryAsync(t => t.Code, ct);
        var countries = await db.Countries.ToDictionaryAsync(c => c.Iso2, ct);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Acronym, ct);

        var destinations = CountryDestinations
            .Select(d => new Destination(countries[d.Code], null, d.Weight))
            .Concat(OrganisationDestinations.Select(o => new Destination(organisations[o.Acronym].SeatCountry!, organisations[o.Acronym], o.Weight)))
            .ToList();

        var active = ActiveCooperantsAtScale1 * scale;
        // Every destination hosts at least one coopérant; the rest are spread by weight.
        var slots = new List<Destination>(destinations);
        var totalWeight = destinations.Sum(d => d.Weight);
        while (slots.Count < active)
        {
            var pick = random.Next(totalWeight);
            foreach (var d in destinations)
            {
                if ((pick -= d.Weight) < 0) { slots.Add(d); break; }
            }
        }

        var usedNames = new HashSet<string>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var collections = new BatchCollections();
        // SQLite's journal in memory and no sync until the end of the load (restored after its transaction).
        await using var load = await BulkInsert.BeginLoadAsync(db, ct);
        // One transaction for the whole load, written in several steps: a failure leaves no half-generated directorate.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AuditEnabled = false;
        // Tens of thousands of new records: the change tracker is asked once, when saving, rather than at each addition.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var cooperants = new List<Cooperant>();
        for (var i = 0; i < active; i++)
        {
            // The first coopérants cover the four administrations; then 60 % armed forces, 30 % interior, 5 % economy, 5 % justice.
            var admin = i < admins.Count ? admins[i] : admins[Pick(random.Next(100), 60, 30, 5, 5)];
            var coop = NewCooperant(random, admin, domains, usedNames);
            var slot = slots[i];
            var start = today.AddDays(-random.Next(1, 36 * 30));
            // Earlier postings, ending before this one starts, over the last ten years.
            var earlier = random.Next(3);
            var cursor = start.AddDays(-random.Next(30, 200));
            var past = new List<(DateOnly Start, DateOnly End)>();
            for (var k = 0; k < earlier; k++)
            {
                var length = 24 + random.Next(0, 3) * 6;
                var pStart = cursor.AddMonths(-length);
                if (pStart < today.AddYears(-10)) break;
                past.Add((pStart, cursor));
                cursor = pStart.AddDays(-random.Next(30, 200));
            }
            foreach (var (pStart, pEnd) in past.OrderBy(p => p.Start))
            {
                var d = destinations[random.Next(destinations.Count)];
                coop.Post(Terms(random, admin, d, types, pStart, pStart.AddMonths(random.Next(24, 37)), pEnd));
            }
            coop.Post(Terms(random, admin, slot, types, start, start.AddMonths(36)));
            cooperants.Add(coop);
        }

        // Former coopérants: only ended postings.
        for (var i = 0; i < active / 2; i++)
        {
            var admin = admins[Pick(random.Next(100), 60, 30, 5, 5)];
            var coop = NewCooperant(random, admin, domains, usedNames);
            var end = today.AddDays(-random.Next(30, 365 * 8));
            var start = end.AddMonths(-(24 + random.Next(0, 3) * 6));
            coop.Post(Terms(random, admin, destinations[random.Next(destinations.Count)], types, start, start.AddMonths(36), end));
            cooperants.Add(coop);
        }
        db.Cooperants.AddRange(cooperants);

        // Vacancies: positions to fill in the coming months, and positions filled by current postings.
        for (var i = 0; i < 24 * scale; i++)
        {
            var d = destinations[random.Next(destinations.Count)];
            var admin = admins[Pick(random.Next(100), 60, 30, 5, 5)];
            var type = d.Organisation is not null ? "ORGANISATION" : Choose(random, AuthorityTypesByAdministration[admin.Code]);
            db.Vacancies.Add(new Vacancy
            {
                CountryId = d.Country.Id, OrganisationId = d.Organisation?.Id, HostAuthorityTypeId = types[type].Id,
                HostAuthorityName = AuthorityName(types[type], d), PositionTitle = Choose(random, PositionsByAuthorityType[type]),
                AdministrationId = admin.Id, DomainId = domains[random.Next(domains.Count)].Id,
                WishedStartDate = today.AddDays(random.Next(20, 270)), DurationMonths = 36,
            });
        }
        foreach (var coop in cooperants.Take(active).Where((_, i) => i % 10 == 3))
        {
            var posting = coop.Postings[^1];
            db.Vacancies.Add(new Vacancy
            {
                CountryId = posting.CountryId, OrganisationId = posting.OrganisationId, HostAuthorityTypeId = posting.HostAuthorityTypeId,
                HostAuthorityName = posting.HostAuthorityName, PositionTitle = posting.PositionTitle, AdministrationId = coop.AdministrationId,
                DomainId = coop.SpecialtyDomainId, WishedStartDate = posting.StartDate, FilledByPosting = posting,
            });
        }
        var network = watch.Elapsed;
        // The projects draw from their own sequence, so that adding them changed nothing of the network and schools.
        var attachSessions = await new DemoProjectData(db).GenerateAsync(new Random(options.Seed + 8), today, scale, ct);
        // The missions too, after the projects they may serve.
        await new DemoMissionData(db).GenerateAsync(new Random(options.Seed + 9), today, scale, cooperants, ct);
        await new DemoDonationData(db).GenerateAsync(new Random(options.Seed + 10), today, scale, ct);
        // Written by multi-row inserts rather than SaveChanges' command per record; then tracked no longer: every later
        // write would otherwise scan them all again for changes. The schools' records (nine in ten) follow school after
        // school, then the held sessions are attached to the projects.
        var built = watch.Elapsed;
        var written = await BulkInsert.SaveAddedAsync(db, ct);
        db.ChangeTracker.Clear();
        var first = watch.Elapsed;
        var training = new DemoTrainingData(db);
        await training.GenerateAsync(random, today, scale, ct);
        await attachSessions(training.Held, ct);
        var saved = watch.Elapsed;
        log.LogInformation("Demo data: network built in {Network} ms, projects, missions and donations in {Built} ms, their {Written} records "
            + "written in {First} ms, the schools built and written in {Schools} ms",
            network.TotalMilliseconds, (built - network).TotalMilliseconds, written, (first - built).TotalMilliseconds, (saved - first).TotalMilliseconds);
        // The partnerships cover sessions, postings and projects already saved; the IHEDN sessions draw on saved trainees.
        await new DemoMultilateralData(db).GenerateAsync(new Random(options.Seed + 11), today, ct);
        // The annual programmes, planned from what all the others show done.
        await new DemoProgrammeData(db).GenerateAsync(new Random(options.Seed + 12), today, ct);
        log.LogInformation("Demo partnerships and international sessions in {Elapsed} ms", (watch.Elapsed - saved).TotalMilliseconds);
        db.ChangeTracker.Clear();

        db.AuditEnabled = true;
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        var password = string.IsNullOrWhiteSpace(options.Password) ? GeneratePassword() : options.Password;
        var senegal = countries["SN"];
        var dakarCooperant = cooperants.First(c => c.Postings[^1].CountryId == senegal.Id && c.Postings[^1].ActualEndDate is null);
        var africa = await db.Zones.SingleAsync(z => z.Code == "AFS", ct);
        var empabb = await db.RegionalSchools.SingleAsync(s => s.Acronym == "EMPABB", ct);
        var accounts = new List<DemoAccount>
        {
            await CreateUserAsync("admin@demo.local", "Administratrice de démonstration", Roles.Administrator, password),
            await CreateUserAsync("directeur@demo.local", "Directeur de démonstration", Roles.Director, password),
            await CreateUserAsync("desk.africa@demo.local", "Chargée de mission Afrique", Roles.DeskOfficer, password, zones: [africa.Id], scope: africa.NameFr),
            await CreateUserAsync("cooperant.sn@demo.local", dakarCooperant.FullName, Roles.Cooperant, password,
                countryId: senegal.Id, cooperantId: dakarCooperant.Id, scope: senegal.NameFr),
            await CreateUserAsync("auditor@demo.local", "Auditeur de démonstration", Roles.Auditor, password),
            await CreateUserAsync("school.director@demo.local", "Directeur de l'EMP Alioune Blondin Beye", Roles.SchoolDirector, password,
                schoolId: empabb.Id, scope: empabb.Acronym),
            await CreateUserAsync("liaison.ci@demo.local", "Officier de liaison de Côte d'Ivoire", Roles.LiaisonOfficer, password,
                countryId: countries["CI"].Id, scope: countries["CI"].NameFr),
        };
        // The Africa desk officer is responsible for the projects of her zone.
        var desk = await users.FindByEmailAsync("desk.africa@demo.local");
        await db.Projects.Where(p => p.ZoneId == africa.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ResponsibleUserId, desk!.Id), ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), UserName = "system", Action = "Generated", EntityType = "DemoData", EntityKey = $"scale={scale}",
            After = $"{{\"cooperants\":{cooperants.Count},\"seed\":{options.Seed}}}",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        log.LogInformation("Demo data generated at scale {Scale}: {Count} coopérants", scale, cooperants.Count);
        return (password, accounts);
    }

    private async Task<DemoAccount> CreateUserAsync(string email, string name, string role, string password,
        int[]? zones = null, int? countryId = null, int? cooperantId = null, int? schoolId = null, string scope = "")
    {
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
            ScopeCountryId = countryId, CooperantId = cooperantId, ScopeSchoolId = schoolId,
            Zones = (zones ?? []).Select(z => new UserZone { UserId = "", ZoneId = z }).ToList(),
        };
        foreach (var z in user.Zones) z.UserId = user.Id;
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return new DemoAccount(email, role, scope);
    }

    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "Coop-" + RandomNumberGenerator.GetString(alphabet, 12) + "!9";
    }

    private sealed record Destination(Country Country, Organisation? Organisation, int Weight);

    private static int Pick(int roll, params int[] shares)
    {
        for (var i = 0; i < shares.Length; i++)
            if ((roll -= shares[i]) < 0) return i;
        return shares.Length - 1;
    }

    private static T Choose<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static Cooperant NewCooperant(Random random, Administration admin, List<CooperationDomain> domains, HashSet<string> usedNames)
    {
        string first, last;
        var n = 0;
        do
        {
            first = Choose(random, FirstNames);
            last = Choose(random, LastNames);
            if (++n > 5) last = $"{last}-{Choose(random, LastNames)}";
        } while (!usedNames.Add(first + " " + last));
        var languages = new List<string> { "français", "anglais" };
        if (random.Next(3) == 0) languages.Add(Choose(random, ExtraLanguages));
        var mail = $"{Text.NormalizeName(first).ToLowerInvariant().Replace(' ', '-')}.{Text.NormalizeName(last).ToLowerInvariant().Replace(' ', '-')}";
        return new Cooperant
        {
            FirstName = first, LastName = last, NormalizedName = Cooperant.Normalize(first, last),
            AdministrationId = admin.Id, Rank = Choose(random, RanksByAdministration[admin.Code]),
            SpecialtyDomainId = domains[random.Next(domains.Count)].Id,
            Languages = string.Join(", ", languages),
            Email = $"{mail}@cooperation.demo.local",
            // A French mobile number that exists in the numbering plan (06 10 … to 06 28 …): the phone rule accepts it on edit.
            Phone = $"+33 6 {random.Next(10, 29)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}",
        };
    }

    private static PostingTerms Terms(Random random, Administration admin, Destination d, Dictionary<string, HostAuthorityType> types,
        DateOnly start, DateOnly plannedEnd, DateOnly? actualEnd = null)
    {
        var type = d.Organisation is not null ? "ORGANISATION" : Choose(random, AuthorityTypesByAdministration[admin.Code]);
        return new PostingTerms(d.Country.Id, d.Organisation?.Id, types[type].Id, AuthorityName(types[type], d),
            Choose(random, PositionsByAuthorityType[type]), start, plannedEnd, actualEnd);
    }

    private static string AuthorityName(HostAuthorityType type, Destination d) =>
        d.Organisation is not null ? d.Organisation.NameFr : $"{type.NameFr} — {d.Country.NameFr}";

    /// <summary>
    /// Blocking collections for the load's duration, restored after: the load keeps hundreds of thousands of records
    /// alive, which background collections traced again and again (at scale 10 on 2 cores: 57–61 s to ready instead of
    /// 64–65 s, a peak of 802 MB instead of 1,024 MB, with the runtime's setting). Nothing is served meanwhile.
    /// </summary>
    private sealed class BatchCollections : IDisposable
    {
        private readonly System.Runtime.GCLatencyMode _before = System.Runtime.GCSettings.LatencyMode;

        public BatchCollections() => System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;

        public void Dispose() => System.Runtime.GCSettings.LatencyMode = _before;
    }
}
