namespace Cooperation.Web.Features.Sessions.International;

/// <summary>An international session as the API and the forms give it.</summary>
/// <param name="Number">1 to 3 within the year.</param>
/// <param name="Zone">Code of the priority zone it is devoted to (AFS, IPA, MOY...).</param>
/// <param name="WithFica">Held with the FICA forum (Sub-Saharan Africa); by default for the AFS zone.</param>
/// <param name="Place">The École militaire in Paris unless told.</param>
/// <param name="InvitedCountries">ISO2 codes of the invited countries.</param>
/// <param name="Version">The version read (edits): a stale one answers 409.</param>
public record InternationalSessionInput(
    int? Year, int? Number, string? Theme, string? Zone, DateOnly? StartDate, DateOnly? EndDate, string? Place = null,
    IReadOnlyList<string>? InvitedCountries = null, bool? WithFica = null, long? Version = null);

/// <summary>Checks a session's fields: every one, the slot free in its year, the zone one the user manages.</summary>
public class InternationalSessionForm(CooperationDbContext db, Access access, ReferenceCodes codes, IStringLocalizer<InternationalSessionForm> text) : IUseCase
{
    public const int MaxInvited = 80;
    public const string FicaZone = "AFS";

    public async Task<InternationalSession> CheckAsync(InternationalSessionInput input, InternationalSession? session, CancellationToken ct)
    {
        var errors = new FieldErrors(text);
        var year = errors.Required("year", "Année", input.Year);
        if (year is < 1990 or > 2100) { errors.Add("year", "intlSession.year"); year = null; }
        var number = errors.Required("number", "Numéro de la session", input.Number);
        var theme = errors.Text("theme", "Thème", input.Theme);
        var zoneId = await codes.ZoneAsync(input.Zone, errors, ct: ct);
        var start = errors.Date("startDate", "Début de la session", errors.Required("startDate", "Début de la session", input.StartDate));
        var end = errors.Date("endDate", "Fin de la session", errors.Required("endDate", "Fin de la session", input.EndDate));
        var place = string.IsNullOrWhiteSpace(input.Place) ? InternationalSession.DefaultPlace : errors.Text("place", "Lieu", input.Place);
        var wanted = (input.InvitedCountries ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        var countries = new List<Country>();
        if (wanted.Count > MaxInvited) errors.Add("invitedCountries", "intlSession.tooManyInvited", MaxInvited);
        else if (wanted.Count > 0)
        {
            countries = await db.Countries.Where(c => wanted.Contains(c.Iso2)).ToListAsync(ct);
            foreach (var missing in wanted.Where(w => countries.All(c => c.Iso2 != w)))
                errors.Add("invitedCountries", "common.unknown", errors.Label("Pays invités"), missing);
        }
        if (year is not null && number is not null && await db.InternationalSessions.AnyAsync(s => s.Year == year && s.Number == number && s.Id != (session == null ? 0 : session.Id), ct))
            errors.Add("number", "intlSession.slotTaken", number.Value, year.Value);
        errors.ThrowIfAny();

        InternationalSession.ValidateTerms(year!.Value, number!.Value, start!.Value, end!.Value);
        if (!access.CanManageInternationalSession(zoneId!.Value)) throw FieldErrors.One(text, "zone", "intlSession.zoneOutsideScope");
        session ??= new InternationalSession { Theme = theme! };
        if (session.Id != 0)
        {
            // A country keeps its invitation while one of its officials is in the session.
            foreach (var dropped in session.InvitedCountries.Where(c => countries.All(k => k.Id != c.Id)))
                session.EnsureCanUninvite(dropped.Id);
        }
        (session.Year, session.Number, session.Theme, session.ZoneId, session.StartDate, session.EndDate, session.Place) =
            (year.Value, number.Value, theme!, zoneId.Value, start.Value, end.Value, place!);
        session.WithFica = input.WithFica ?? string.Equals(input.Zone?.Trim(), FicaZone, StringComparison.OrdinalIgnoreCase);
        session.InvitedCountries.RemoveAll(c => countries.All(k => k.Id != c.Id));
        session.InvitedCountries.AddRange(countries.Where(k => session.InvitedCountries.All(c => c.Id != k.Id)));
        return session;
    }
}
