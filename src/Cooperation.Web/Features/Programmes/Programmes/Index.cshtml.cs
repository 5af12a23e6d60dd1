namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>
/// The programmes of a year: a desk officer's zones, the whole world for the director and the auditor; each with its
/// completion coloured, sortable and paged, exported to Excel or CSV, and a table of countries coloured by completion.
/// </summary>
public class IndexModel(ListProgrammes list, MapProgrammes mapProgrammes, ReferenceLists references, Access access, TimeProvider clock, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListProgrammes.Query, ProgrammeRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public bool CanCreate => access.CanDraftProgrammes;
    /// <summary>The year shown: the one asked for, this year otherwise ("all" for every year).</summary>
    public int? ShownYear => Year == "all" ? null : FormValues.Int(Year) ?? clock.Today().Year;

    protected override string DefaultSort => "country";

    protected override string ExportName => text["programmes"];

    protected override IReadOnlyList<Column<ProgrammeRow>> ExportColumns() =>
    [
        new(text["Pays"], r => r.CountryName),
        new(text["Organisation"], r => r.Organisation),
        new(text["Zone"], r => r.ZoneName),
        new(text["Année"], r => r.Year),
        new(text["Statut"], r => r.StatusName),
        new(text["Actions planifiées"], r => r.Lines),
        new(text["Budget (€)"], r => r.Budget),
        Column<ProgrammeRow>.Percent(text["Réalisation"], r => (double?)r.Completion),
        new(text["Actions hors trajectoire"], r => r.OffCourse),
    ];

    /// <summary>The map of the year shown, each country shaded by its programme's completion (none for every year).</summary>
    public WorldMap? Map { get; private set; }

    protected override async Task OnListedAsync(CancellationToken ct)
    {
        if (ShownYear is null) return;
        var countries = await mapProgrammes.HandleAsync(Query, ct);
        string Rate(decimal? rate) => rate is { } r ? $"{Format.Number(Math.Round(r * 100))} %" : "—";
        Map = new WorldMap(
            text["Carte du monde : pays ombrés selon la réalisation de leur programme {0} ; le tableau des programmes donne les mêmes chiffres.", ShownYear],
            text["Réalisation"],
            [
                new(1, text["moins de 30 %"]), new(2, "30–60 %"), new(3, "60–90 %"), new(4, "90–100 %"), new(5, text["100 % et plus"]),
            ],
            countries.Select(c => new WorldMapCountry(c.NumericCode, c.Iso2, c.Name, c.Completion, MapProgrammes.ClassOf(c.Completion),
                text["{0} : {1}", c.Name, Rate(c.Completion)], $"/Programmes/{c.ProgrammeId}")).ToList(),
            text["pas de programme ou réalisation non calculée"]);
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        ForbiddenException.ThrowUnless(access.SeesProgrammes);
        Countries = await references.CountriesAsync(access.VisibleCountryIds);
        Zones = await references.ZonesAsync(access.IsDeskOfficer && !access.IsAdministrator ? access.ZoneIds.ToList() : null);
    }

    protected override ListProgrammes.Query Query =>
        new()
        {
            Year = ShownYear, Country = CountryCodes, Zone = Zone, Status = Status, Sort = Sort ?? DefaultSort,
            Page = PageNumber, PageSize = PageSize,
        };
}
