using Cooperation.Web.Features.Notifications;

namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// Who hears of a nomination: the liaison officers of the nominating country of each decision on it (an acceptance with
/// the invitation letter attached to its e-mail), the desk officers of the zones concerned (the nominating country's,
/// the school's) of a new one to screen. Called once the nomination is saved, inside the transaction of its use case.
/// </summary>
public class NominationNotices(CooperationDbContext db, Notifier notifier, InvitationLetter letters) : IUseCase
{
    /// <summary>Tells the country's liaison officers (but the one who acted) of the nomination's state, as saved.</summary>
    public async Task DecidedAsync(int nominationId, string? by, CancellationToken ct)
    {
        var n = await ReadAsync(nominationId, ct);
        var key = n.Status switch
        {
            NominationStatus.Accepted => "notification.nominationAccepted",
            NominationStatus.Waitlisted => "notification.nominationWaitlisted",
            NominationStatus.Refused => "notification.nominationRefused",
            NominationStatus.Withdrawn => "notification.nominationWithdrawn",
            NominationStatus.UnderReview => "notification.nominationUnderReview",
            _ => null,
        };
        if (key is null) return;
        var recipients = await notifier.LiaisonOfficersAsync(n.CountryId, by, ct);
        if (recipients.Count == 0) return;
        MailAttachment? attachment = null;
        if (n.Status == NominationStatus.Accepted)
        {
            // The letter in French, the language of the schools' administration; the English one is on the nomination's page.
            var letter = await letters.ForNoticeAsync(nominationId, english: false, ct);
            attachment = new MailAttachment(letter.Content, letter.FileName, "application/pdf");
        }
        notifier.Notify(recipients, NotificationKind.NominationDecided, key, n.Arguments, $"/Schools/Nominations/{nominationId}", attachment: attachment);
    }

    /// <summary>Tells the desk officers of the zones concerned (but the one who nominated) of a new nomination.</summary>
    public async Task SubmittedAsync(int nominationId, string? by, CancellationToken ct)
    {
        var n = await ReadAsync(nominationId, ct);
        var recipients = await notifier.DeskOfficersAsync([n.CountryId, n.SchoolCountryId], by, ct);
        notifier.Notify(recipients, NotificationKind.NominationSubmitted, "notification.nominationSubmitted", n.Arguments, $"/Schools/Nominations/{nominationId}");
    }

    /// <summary>
    /// Tells the desk officers of the zones concerned (but the one who imported) of the nominations a spreadsheet brought
    /// to a session: one notice a nominating country, with their number, rather than one a row.
    /// </summary>
    public async Task ImportedAsync(int sessionId, IReadOnlyDictionary<int, int> countByCountry, string? by, CancellationToken ct)
    {
        var s = await db.CourseSessions.AsNoTracking().Where(x => x.Id == sessionId).Select(x => new
        {
            x.Course!.Code, x.Course.TitleFr, x.Course.TitleEn, x.Course.School!.Acronym, x.Course.School.CountryId, x.StartDate, x.EndDate,
        }).SingleAsync(ct);
        var ids = countByCountry.Keys.ToList();
        var countries = await db.Countries.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => new { c.NameFr, c.NameEn }, ct);
        var (start, end) = (Notifier.Day(s.StartDate), Notifier.Day(s.EndDate));
        foreach (var (countryId, count) in countByCountry)
        {
            var recipients = await notifier.DeskOfficersAsync([countryId, s.CountryId], by, ct);
            notifier.Notify(recipients, NotificationKind.NominationSubmitted, "notification.nominationsImported",
            [
                NotificationArgument.Same(count.ToString()),
                NotificationArgument.Same(s.Code),
                new(s.TitleFr, s.TitleEn),
                NotificationArgument.Same(s.Acronym),
                new($"du {start.Fr} au {end.Fr}", $"from {start.En} to {end.En}"),
                new(countries[countryId].NameFr, countries[countryId].NameEn),
            ], $"/Schools/Nominations?session={sessionId}");
        }
    }

    private async Task<Facts> ReadAsync(int id, CancellationToken ct)
    {
        var n = await db.Nominations.AsNoTracking().Where(x => x.Id == id).Select(x => new
        {
            x.Status, x.CountryId, SchoolCountryId = x.Session!.Course!.School!.CountryId, x.Trainee!.FirstName, x.Trainee.LastName,
            x.Session.Course.Code, x.Session.Course.TitleFr, x.Session.Course.TitleEn, x.Session.Course.School.Acronym,
            x.Session.StartDate, x.Session.EndDate, CountryFr = x.Country!.NameFr, CountryEn = x.Country.NameEn,
        }).SingleAsync(ct);
        var (start, end) = (Notifier.Day(n.StartDate), Notifier.Day(n.EndDate));
        return new Facts(n.Status, n.CountryId, n.SchoolCountryId,
        [
            NotificationArgument.Same($"{n.FirstName} {n.LastName.ToUpperInvariant()}"),
            NotificationArgument.Same(n.Code),
            new(n.TitleFr, n.TitleEn),
            NotificationArgument.Same(n.Acronym),
            new($"du {start.Fr} au {end.Fr}", $"from {start.En} to {end.En}"),
            new(n.CountryFr, n.CountryEn),
        ]);
    }

    private sealed record Facts(NominationStatus Status, int CountryId, int SchoolCountryId, IReadOnlyList<NotificationArgument> Arguments);
}
