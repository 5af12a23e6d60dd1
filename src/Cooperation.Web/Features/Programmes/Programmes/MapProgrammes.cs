namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>A country on the programmes' map: its codes and name, its programme of the year and that programme's completion.</summary>
public sealed record ProgrammeMapCountry(string NumericCode, string Iso2, string Name, int ProgrammeId, decimal? Completion);

/// <summary>
/// The programmes' map of a year: each country shaded by the completion of its programme, read from the list itself
/// (<see cref="ListProgrammes.AllAsync"/>: the same filters and the same completion as the table, and the code of each country's shape). A country with
/// several programmes in the year (a draft beside the approved one) is shown by the furthest in its cycle.
/// Programmes of international organisations have no country of their own on the map: the table lists them.
/// </summary>
public class MapProgrammes(ListProgrammes list, FigureCache cache, Access access, TimeProvider clock) : IUseCase
{
    /// <summary>Classes of completion, as the list's badges: under 30 %, 30–60 %, 60–90 %, 90–100 %, 100 % and over.</summary>
    public static readonly decimal[] ClassLowerBounds = [0m, 0.3m, 0.6m, 0.9m, 1m];

    public static int ClassOf(decimal? completion) =>
        completion is not { } c ? 0 : ClassLowerBounds.Count(low => c >= low);

    /// <summary>
    /// The map of the programmes the query names, whatever its page and sort. An aggregate of the records like the
    /// programmes' follow-up, it is kept like the other figures (<see cref="FigureCache"/>: by the user's scope and
    /// language, until a write): the year's programmes are not read again for each page of the table beside it.
    /// </summary>
    public Task<IReadOnlyList<ProgrammeMapCountry>> HandleAsync(ListProgrammes.Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesProgrammes);
        var shown = query with { Page = null, PageSize = null, Sort = "country" };
        return cache.GetOrComputeAsync("programmes:map", access, shown.ToString(), clock.Today(), () => CountriesAsync(shown, ct));
    }

    private async Task<IReadOnlyList<ProgrammeMapCountry>> CountriesAsync(ListProgrammes.Query query, CancellationToken ct)
    {
        var rows = await list.AllAsync(query, ct);
        var chosen = rows.Where(r => r.Organisation is null)
            .GroupBy(r => r.Country)
            .Select(g => g.OrderByDescending(r => Rank(r.StatusValue)).ThenByDescending(r => r.Id).First())
            .ToList();
        return chosen.Select(r => new ProgrammeMapCountry(r.CountryNumericCode, r.Country, r.CountryName, r.Id, r.Completion)).ToList();
    }

    /// <summary>How far in its cycle a programme is: the approved plan and its revisions first, a draft last.</summary>
    private static int Rank(ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Closed or ProgrammeStatus.Revised or ProgrammeStatus.Approved => 3,
        ProgrammeStatus.Submitted => 2,
        ProgrammeStatus.Returned => 1,
        _ => 0,
    };
}
