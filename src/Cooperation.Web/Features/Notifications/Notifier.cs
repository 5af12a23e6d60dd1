using System.Globalization;
using Cooperation.Web.Features.Shared;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Notifications;

/// <summary>A file an e-mail carries (an invitation letter).</summary>
public sealed record MailAttachment(byte[] Content, string FileName, string ContentType);

/// <summary>
/// Writes notifications, and their e-mails into the outbox when SMTP is configured, into the DbContext of the use case
/// that raised the event: they are saved with it, in its transaction, or not at all. Finds who is to hear of what.
/// </summary>
public class Notifier(CooperationDbContext db, IOptions<SmtpOptions> smtp, IConfiguration config, TimeProvider clock, IStringLocalizer<Notifier> text) : IUseCase
{
    public sealed record Recipient(string UserId, string? Email);

    public void Notify(IEnumerable<Recipient> recipients, NotificationKind kind, string messageKey, IReadOnlyList<NotificationArgument> arguments,
        string link, string? onceKey = null, MailAttachment? attachment = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var json = Notification.Serialize(arguments);
        foreach (var recipient in recipients.DistinctBy(r => r.UserId))
        {
            db.Notifications.Add(new Notification
            {
                RecipientId = recipient.UserId, Kind = kind, MessageKey = messageKey, Arguments = json, Link = link, OnceKey = onceKey, CreatedAt = now,
            });
            if (smtp.Value.IsConfigured && recipient.Email is { } email && EmailAddress.IsValid(email))
                db.OutboxMessages.Add(Mail(email, messageKey, arguments, link, attachment, now));
        }
    }

    /// <summary>The e-mail: French first, then English, as the application speaks; the link to the record in both.</summary>
    private OutboxMessage Mail(string to, string key, IReadOnlyList<NotificationArgument> arguments, string link, MailAttachment? attachment, DateTime now)
    {
        var fr = NotificationText.Render(text, key, arguments, english: false);
        var en = NotificationText.Render(text, key, arguments, english: true);
        var url = (PublicAddress.Configured(config) ?? "") + link;
        var subject = $"{fr.Title} / {en.Title}";
        var body = string.Join("\n", fr.Title, "", fr.Body, "", url, "", "—", "", en.Title, "", en.Body, "", url, "",
            "Coopération — système d'information de la coopération de sécurité et de défense.");
        return new OutboxMessage
        {
            To = to, Subject = subject.Length > OutboxMessage.MaxSubject ? subject[..OutboxMessage.MaxSubject] : subject, Body = body,
            Attachment = attachment?.Content, AttachmentName = attachment?.FileName, AttachmentType = attachment?.ContentType,
            CreatedAt = now, NextAttemptAt = now,
        };
    }

    /// <summary>The liaison officers of a partner country, but the one who acted.</summary>
    public Task<List<Recipient>> LiaisonOfficersAsync(int countryId, string? except, CancellationToken ct) =>
        RecipientsAsync(InRole(Roles.LiaisonOfficer).Where(u => u.ScopeCountryId == countryId && u.Id != except), ct);

    /// <summary>The desk officers whose zones hold one of these countries, but the one who acted.</summary>
    public Task<List<Recipient>> DeskOfficersAsync(IReadOnlyCollection<int> countryIds, string? except, CancellationToken ct)
    {
        var zones = db.Countries.Where(c => countryIds.Contains(c.Id) && c.ZoneId != null).Select(c => c.ZoneId!.Value);
        return RecipientsAsync(InRole(Roles.DeskOfficer).Where(u => u.Id != except && u.Zones.Any(z => zones.Contains(z.ZoneId))), ct);
    }

    /// <summary>The coopérant's own account, if he has one.</summary>
    public Task<List<Recipient>> CooperantAsync(int cooperantId, CancellationToken ct) =>
        RecipientsAsync(InRole(Roles.Cooperant).Where(u => u.CooperantId == cooperantId), ct);

    private IQueryable<AppUser> InRole(string role) =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

    /// <summary>Accounts that can still sign in: a locked one (a pseudonymised coopérant's, for good) hears nothing.</summary>
    private async Task<List<Recipient>> RecipientsAsync(IQueryable<AppUser> users, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await users.AsNoTracking().Select(u => new { u.Id, u.Email, u.LockoutEnd }).ToListAsync(ct);
        return rows.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now).Select(u => new Recipient(u.Id, u.Email)).ToList();
    }

    /// <summary>A day as each language writes it (1 décembre 2026, 1 December 2026).</summary>
    public static NotificationArgument Day(DateOnly day) => new(
        day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR")), day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
}

/// <summary>A notification's title and text in a language.</summary>
public static class NotificationText
{
    public static (string Title, string Body) Render(IStringLocalizer text, string key, IReadOnlyList<NotificationArgument> arguments, bool english) =>
        Pdf.InCulture(english ? "en-GB" : "fr-FR", () =>
        {
            var values = arguments.Select(a => (object)a.In(english)).ToArray();
            return (text[key + ".title", values].Value, text[key + ".body", values].Value);
        });
}
