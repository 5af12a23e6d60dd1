using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cooperation.Web.Data;

/// <summary>Loads the reference tables from the CSV files of Data/Reference at first start (and adds rows added to them later).</summary>
public class ReferenceData(CooperationDbContext db)
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "Reference");

    public async Task LoadAsync(CancellationToken ct = default)
    {
        var zones = await db.Zones.ToDictionaryAsync(z => z.Code, ct);
        foreach (var r in Read("zones.csv"))
            if (!zones.ContainsKey(r["code"]))
                db.Zones.Add(zones[r["code"]] = new Zone
                {
                    Code = r["code"], NameFr = r["name_fr"], NameEn = r["name_en"],
                    Priority = Enum.Parse<StrategicPriority>(r["priority"]),
                });

        var zoneOf = Read("country-zones.csv").ToDictionary(r => r["iso2"], r => r["zone"]);
        var countries = await db.Countries.ToDictionaryAsync(c => c.Iso2, ct);
        foreach (var r in Read("countries.csv"))
            if (!countries.ContainsKey(r["iso2"]))
                db.Countries.Add(countries[r["iso2"]] = new Country
                {
                    Iso2 = r["iso2"], Iso3 = r["iso3"], NumericCode = r["numeric"], NameFr = r["name_fr"], NameEn = r["name_en"],
                    Zone = zoneOf.TryGetValue(r["iso2"], out var z) ? zones[z] : null,
                });

        // The French article and preposition of each name: filled where not known yet, so that an edit is kept.
        foreach (var r in Read("country-articles.csv"))
            if (countries.TryGetValue(r["iso2"], out var country) && country.ArticleFr is null)
            {
                country.ArticleFr = r["article_fr"];
                country.PrepositionFr = r["preposition_fr"];
            }

        var admins = await db.Administrations.Select(a => a.Code).ToHashSetAsync(ct);
        foreach (var r in Read("administrations.csv").Where(r => !admins.Contains(r["code"])))
            db.Administrations.Add(new Administration
            {
                Code = r["code"], NameFr = r["name_fr"], NameEn = r["name_en"], TraineesOnly = bool.Parse(r["trainees_only"]),
            });

        var domains = await db.Domains.ToDictionaryAsync(d => d.Code, ct);
        foreach (var r in Read("domains.csv").Where(r => !domains.ContainsKey(r["code"])))
            db.Domains.Add(domains[r["code"]] = new CooperationDomain { Code = r["code"], NameFr = r["name_fr"], NameEn = r["name_en"] });

        var orgs = await db.Organisations.Select(o => o.Acronym).ToHashSetAsync(ct);
        foreach (var r in Read("organisations.csv").Where(r => !orgs.Contains(r["acronym"])))
            db.Organisations.Add(new Organisation
            {
                Acronym = r["acronym"], NameFr = r["name_fr"], NameEn = r["name_en"],
                Kind = Enum.Parse<OrganisationKind>(r["kind"]), SeatCountry = countries[r["seat_iso2"]],
            });

        var operators = await db.Operators.Select(o => o.Code).ToHashSetAsync(ct);
        foreach (var r in Read("operators.csv").Where(r => !operators.Contains(r["code"])))
            db.Operators.Add(new Operator { Code = r["code"], Name = r["name"], DescriptionFr = r["description_fr"], DescriptionEn = r["description_en"] });

        var types = await db.HostAuthorityTypes.Select(t => t.Code).ToHashSetAsync(ct);
        foreach (var r in Read("host-authority-types.csv").Where(r => !types.Contains(r["code"])))
            db.HostAuthorityTypes.Add(new HostAuthorityType { Code = r["code"], NameFr = r["name_fr"], NameEn = r["name_en"] });

        var schools = await db.RegionalSchools.Select(s => s.Acronym).ToHashSetAsync(ct);
        // ENVR, then the other training places (French schools, peacekeeping centres) that the same session model serves.
        foreach (var r in Read("regional-schools.csv").Concat(Read("training-places.csv")).Where(r => !schools.Contains(r["acronym"])))
            db.RegionalSchools.Add(new RegionalSchool
            {
                Kind = r.TryGetValue("kind", out var kind) ? Enum.Parse<TrainingPlaceKind>(kind) : TrainingPlaceKind.RegionalSchool,
                Acronym = r["acronym"], Name = r["name"], City = r["city"], Country = countries[r["iso2"]],
                OpenedYear = int.Parse(r["opened"], CultureInfo.InvariantCulture),
                Domains = r["domains"].Split(';').Select(d => domains[d]).ToList(),
            });

        // Projects' classification: the OECD DAC purpose codes and the ISO 4217 currencies, from the IATI codelists.
        var sectors = await db.DacSectors.Select(s => s.Code).ToHashSetAsync(ct);
        foreach (var item in Codelist("iati-Sector.xml").Where(i => !sectors.Contains(i.Code)))
            db.DacSectors.Add(new DacSector
            {
                Code = item.Code, NameEn = item.Name, NameFr = item.NameFr ?? item.Name, Category = item.Category ?? item.Code[..3], Withdrawn = item.Withdrawn,
            });
        var currencies = await db.Currencies.Select(c => c.Code).ToHashSetAsync(ct);
        foreach (var item in Codelist("iati-Currency.xml").Where(i => !currencies.Contains(i.Code)))
            db.Currencies.Add(new Currency { Code = item.Code, Name = item.Name, Withdrawn = item.Withdrawn });

        if (db.ChangeTracker.HasChanges())
            await db.SaveChangesAsync(ct);
    }

    private sealed record CodelistItem(string Code, string Name, string? NameFr, string? Category, bool Withdrawn);

    /// <summary>The items of an IATI codelist file (codelist.xsd): code, English and French names, category, withdrawn or not.</summary>
    private static IEnumerable<CodelistItem> Codelist(string file)
    {
        var xml = System.Xml.Linq.XNamespace.Xml;
        var document = System.Xml.Linq.XDocument.Load(Path.Combine(Folder, file));
        foreach (var item in document.Descendants("codelist-item"))
        {
            var narratives = item.Element("name")?.Elements("narrative").ToList() ?? [];
            var english = narratives.FirstOrDefault(n => n.Attribute(xml + "lang") is null)?.Value.Trim();
            var french = narratives.FirstOrDefault(n => (string?)n.Attribute(xml + "lang") == "fr")?.Value.Trim();
            var code = item.Element("code")!.Value.Trim();
            yield return new CodelistItem(code, string.IsNullOrEmpty(english) ? code : english, french, item.Element("category")?.Value.Trim(),
                (string?)item.Attribute("status") == "withdrawn");
        }
    }

    private static List<Dictionary<string, string>> Read(string file)
    {
        using var reader = new StreamReader(Path.Combine(Folder, file));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!.Trim()));
        return rows;
    }
}
