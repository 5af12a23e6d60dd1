namespace Cooperation.Web.Features.Network;

/// <summary>A coopérant as a form offers him: his name and where he stands today.</summary>
public record CooperantChoice(int Id, string Name, string Situation);

/// <summary>The choices of the posting and vacancy forms, narrowed to what the user may edit.</summary>
public class NetworkChoices(CooperationDbContext db, Access access, TimeProvider clock, IStringLocalizer<NetworkChoices> text) : IUseCase
{
    public const int MaxCooperants = 500;

    /// <summary>
    /// Coopérants the user may post (<see cref="Access.EditableCooperantsAsync"/>: those of her zones, and those never
    /// posted). <paramref name="search"/> narrows by name; at most <see cref="MaxCooperants"/>.
    /// </summary>
    public async Task<(List<CooperantChoice> Choices, bool More)> CooperantsAsync(string? search, CancellationToken ct = default)
    {
        var words = Access.NameWords(search);
        var q = await access.EditableCooperantsAsync(ct);
        foreach (var word in words) q = q.Where(c => c.NormalizedName.Contains(word));
        var data = (await Situations(q).ToListAsync(ct))
            .OrderBy(c => c.LastName, StringComparer.CurrentCultureIgnoreCase).ThenBy(c => c.FirstName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return (data.Take(MaxCooperants).Select(Choice).ToList(), data.Count > MaxCooperants);
    }

    /// <summary>One coopérant the user may post; not found otherwise.</summary>
    public async Task<CooperantChoice> CooperantAsync(int id, CancellationToken ct = default)
    {
        var editable = await access.EditableCooperantsAsync(ct);
        var c = await Situations(editable.Where(c => c.Id == id)).SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        return Choice(c);
    }

    /// <summary>Countries the user may post to (by ISO2), then organisations whose seat is in them ("org:" + acronym).</summary>
    public async Task<List<SelectListItem>> DestinationsAsync(CancellationToken ct = default)
    {
        var countries = await db.Countries.AsNoTracking().Select(c => new { c.Id, c.Iso2, c.NameFr, c.NameEn }).ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Acronym, o.NameFr, o.NameEn, o.SeatCountryId }).ToListAsync(ct);
        var countryGroup = new SelectListGroup { Name = text["Pays"] };
        var organisationGroup = new SelectListGroup { Name = text["Organisations internationales et régionales"] };
        var items = new List<SelectListItem>();
        foreach (var c in countries.OrderBy(c => Names.Pick(c.NameFr, c.NameEn), StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true)))
            if (await access.CanEditCountryAsync(c.Id, ct))
                items.Add(new SelectListItem(Names.Pick(c.NameFr, c.NameEn), c.Iso2) { Group = countryGroup });
        foreach (var o in organisations.OrderBy(o => o.Acronym))
            if (await access.CanEditCountryAsync(o.SeatCountryId, ct))
                items.Add(new SelectListItem($"{o.Acronym} — {Names.Pick(o.NameFr, o.NameEn)}", Destinations.OrganisationPrefix + o.Acronym) { Group = organisationGroup });
        return items;
    }

    private IQueryable<CooperantData> Situations(IQueryable<Cooperant> q)
    {
        var active = PostingQueries.Active(clock.Today());
        return q.Select(c => new CooperantData(c.Id, c.FirstName, c.LastName, c.Rank,
            c.Postings.AsQueryable().Where(active)
                .Select(p => new CurrentPosting(p.CountryId, p.Country!.NameFr, p.Country.NameEn, p.Organisation!.Acronym, p.PlannedEndDate))
                .FirstOrDefault()));
    }

    private CooperantChoice Choice(CooperantData c)
    {
        var situation = c.Current is { } p
            ? text["en poste : {0}, jusqu'au {1}", p.Organisation ?? Names.Pick(p.CountryFr, p.CountryEn), p.PlannedEndDate.ToString("yyyy-MM-dd")].Value
            : text["sans affectation en cours"].Value;
        return new CooperantChoice(c.Id, $"{c.LastName.ToUpperInvariant()} {c.FirstName} ({c.Rank})", situation);
    }

    private sealed record CooperantData(int Id, string FirstName, string LastName, string Rank, CurrentPosting? Current);

    private sealed record CurrentPosting(int CountryId, string CountryFr, string CountryEn, string? Organisation, DateOnly PlannedEndDate);
}
