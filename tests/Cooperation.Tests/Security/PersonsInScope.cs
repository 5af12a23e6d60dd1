using Microsoft.AspNetCore.Identity;

namespace Cooperation.Tests.Security;

/// <summary>
/// What a person's data looks like wherever it appears: his names in both orders (as the application normalises names:
/// upper case, no accents, single spaces), his e-mail address, his telephone number (digits only).
/// </summary>
public sealed record PersonStrings(IReadOnlyList<string> Names, string? Email, string? Phone);

/// <summary>The strings that must not reach one account: the persons outside its scope, less what persons in its scope share with them.</summary>
public sealed class ForeignPersons(string account, HashSet<string> names, HashSet<string> emails, HashSet<string> phones, HashSet<string> words, int persons)
{
    public string Account => account;
    public HashSet<string> Names => names;
    public HashSet<string> Emails => emails;
    public HashSet<string> Phones => phones;
    /// <summary>Single words no other person bears (the last names of the records a test planted): found even standing alone.</summary>
    public HashSet<string> Words => words;
    /// <summary>How many persons lie outside the account's scope.</summary>
    public int Persons => persons;
    public bool Any => persons > 0;
}

/// <summary>
/// An oracle of the scope rules, written from the README's table ("Who sees what") over the raw data, independent of
/// the application's <c>Access</c>: for each account, the coopérants and trainees whose names and contacts it may
/// read, and so those it may not.
/// <list type="bullet">
/// <item>Administrator, Director: everyone.</item>
/// <item>DeskOfficer: coopérants placed (active posting, else latest) in a country of her zones or never posted;
/// trainees of a nationality of her zones, or nominated by one of their countries or to a school in them.</item>
/// <item>Cooperant: the coopérants placed in his country, and himself; no trainee.</item>
/// <item>SchoolDirector: no coopérant; the trainees nominated to his school.</item>
/// <item>LiaisonOfficer: no coopérant; the trainees of his country's nationality or nominated by it.</item>
/// <item>Auditor: no one.</item>
/// </list>
/// </summary>
public static class PersonsInScope
{
    private sealed record Person(string Kind, int Id, PersonStrings Strings);

    public static async Task<Dictionary<string, ForeignPersons>> ForeignAsync(CooperationFactory factory, IReadOnlyList<string> accounts,
        IReadOnlySet<string> plantedWords)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var today = Today;

        var zoneOf = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ZoneId);
        var cooperants = await db.Cooperants.AsNoTracking().Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, c.Phone }).ToListAsync();
        var postings = (await db.Postings.AsNoTracking().Select(p => new { p.CooperantId, p.CountryId, p.StartDate, p.ActualEndDate }).ToListAsync())
            .ToLookup(p => p.CooperantId);
        var placing = cooperants.ToDictionary(c => c.Id, c => postings[c.Id]
            .OrderByDescending(p => p.StartDate <= today && (p.ActualEndDate is null || p.ActualEndDate > today))
            .ThenByDescending(p => p.StartDate).Select(p => (int?)p.CountryId).FirstOrDefault());
        var trainees = await db.Trainees.AsNoTracking().Select(t => new { t.Id, t.FirstName, t.LastName, t.Email, t.NationalityId }).ToListAsync();
        var nominations = (await db.Nominations.AsNoTracking()
                .Select(n => new { n.TraineeId, n.CountryId, n.Session!.Course!.SchoolId, SchoolCountryId = n.Session.Course.School!.CountryId })
                .ToListAsync())
            .ToLookup(n => n.TraineeId);

        var people = cooperants.Select(c => new Person("cooperant", c.Id, Strings(c.FirstName, c.LastName, c.Email, c.Phone)))
            .Concat(trainees.Select(t => new Person("trainee", t.Id, Strings(t.FirstName, t.LastName, t.Email, null))))
            .ToList();
        var nationality = trainees.ToDictionary(t => t.Id, t => t.NationalityId);

        var result = new Dictionary<string, ForeignPersons>();
        foreach (var email in accounts)
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Zones).SingleAsync(u => u.Email == email);
            var role = (await users.GetRolesAsync(user)).Single();
            var zoneCountries = zoneOf.Where(z => z.Value is { } zone && user.Zones.Any(uz => uz.ZoneId == zone)).Select(z => z.Key).ToHashSet();

            bool Reads(Person p) => (role, p.Kind) switch
            {
                (Roles.Administrator or Roles.Director, _) => true,
                (Roles.DeskOfficer, "cooperant") => placing[p.Id] is not { } c || zoneCountries.Contains(c),
                (Roles.DeskOfficer, _) => zoneCountries.Contains(nationality[p.Id])
                                          || nominations[p.Id].Any(n => zoneCountries.Contains(n.CountryId) || zoneCountries.Contains(n.SchoolCountryId)),
                (Roles.Cooperant, "cooperant") => p.Id == user.CooperantId || placing[p.Id] == user.ScopeCountryId,
                (Roles.SchoolDirector, "trainee") => nominations[p.Id].Any(n => n.SchoolId == user.ScopeSchoolId),
                (Roles.LiaisonOfficer, "trainee") => nationality[p.Id] == user.ScopeCountryId
                                                     || nominations[p.Id].Any(n => n.CountryId == user.ScopeCountryId),
                _ => false,
            };

            var read = people.Where(Reads).ToList();
            var hidden = people.Where(p => !Reads(p)).ToList();
            var readNames = read.SelectMany(p => p.Strings.Names).ToHashSet();
            var readEmails = read.Select(p => p.Strings.Email).OfType<string>().ToHashSet();
            var readPhones = read.Select(p => p.Strings.Phone).OfType<string>().ToHashSet();
            var names = hidden.SelectMany(p => p.Strings.Names).Where(n => !readNames.Contains(n)).ToHashSet();
            var words = plantedWords.Where(w => names.Any(n => n.Split(' ').Contains(w))
                                                && !readNames.Any(n => n.Split(' ').Contains(w))).ToHashSet();
            result[email] = new ForeignPersons(email, names,
                hidden.Select(p => p.Strings.Email).OfType<string>().Where(e => !readEmails.Contains(e)).ToHashSet(),
                hidden.Select(p => p.Strings.Phone).OfType<string>().Where(p => !readPhones.Contains(p)).ToHashSet(),
                words, hidden.Count);
        }
        return result;
    }

    private static PersonStrings Strings(string first, string last, string? email, string? phone)
    {
        var digits = phone is null ? null : new string(phone.Where(char.IsDigit).ToArray());
        return new PersonStrings([Text.NormalizeName($"{first} {last}"), Text.NormalizeName($"{last} {first}")],
            string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant(), digits is { Length: >= 6 } ? digits : null);
    }
}
