using Cooperation.Web.Features.Network.Cooperants;
using Cooperation.Web.Features.Network.Vacancies;

namespace Cooperation.Web.Features.Home;

/// <summary>The coopérant's posting running today.</summary>
public record CurrentPosting(string Place, string? PositionTitle, DateOnly StartDate, DateOnly PlannedEndDate, int DaysLeft);

/// <summary>
/// A coopérant's home: his posting and its end, his own record ("Mon profil"), his country's network (the coopérants
/// in post and the vacancies there, and the country's page).
/// </summary>
public record CooperantToDo(
    string ProfileHref, CurrentPosting? Posting, string? CountryName, string? CountryHref, HomeFigure Colleagues, HomeFigure OpenVacancies);

/// <summary>The coopérant's home, counted by the lists it links to.</summary>
public class CooperantHome(CooperationDbContext db, Access access, TimeProvider clock, ListCooperants cooperants, ListVacancies vacancies) : IUseCase
{
    public async Task<CooperantToDo> HandleAsync(CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.IsCooperant && access.CooperantId is not null);
        var today = clock.Today();
        var me = access.CooperantId!.Value;
        var posting = await db.Postings.AsNoTracking().Where(p => p.CooperantId == me).ActiveOn(today)
            .Select(p => new
            {
                Country = Names.English ? p.Country!.NameEn : p.Country!.NameFr,
                Organisation = p.Organisation == null ? null : p.Organisation.Acronym,
                p.PositionTitle, p.StartDate, End = p.ActualEndDate ?? p.PlannedEndDate,
            })
            .FirstOrDefaultAsync(ct);
        var country = access.CountryId is { } id
            ? await db.Countries.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Iso2, Name = Names.English ? c.NameEn : c.NameFr }).SingleOrDefaultAsync(ct)
            : null;
        var active = new CooperantFilter { Status = "active", PageSize = 1 };
        var open = new ListVacancies.Query { Status = "open", PageSize = 1 };
        return new CooperantToDo($"/Network/Cooperants/{me}",
            posting is null ? null : new CurrentPosting(posting.Organisation is { } o ? $"{o} ({posting.Country})" : posting.Country,
                posting.PositionTitle, posting.StartDate, posting.End, posting.End.DayNumber - today.DayNumber),
            country?.Name, country is null ? null : $"/Partners/Countries/{country.Iso2}",
            new((await cooperants.HandleAsync(active, ct)).Total, HomeFigure.Link("/Network/Cooperants", ("Status", "active"))),
            new((await vacancies.HandleAsync(open, ct)).Total, HomeFigure.Link("/Network/Vacancies", ("Status", "open"))));
    }
}
