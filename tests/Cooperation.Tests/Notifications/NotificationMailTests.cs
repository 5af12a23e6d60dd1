using Cooperation.Tests.Schools.Nominations;
using MimeKit;
using static Cooperation.Tests.Schools.Nominations.NominationsTestData;

namespace Cooperation.Tests.Notifications;

/// <summary>
/// E-mails through a real SMTP server on the loopback: what the liaison officer receives when his country's candidate
/// is accepted (the invitation letter attached), a message the server refused once sent at the next attempt, and the
/// outbox that keeps each message until it is sent.
/// </summary>
public class NotificationMailTests(SmtpCooperationFactory factory) : IClassFixture<SmtpCooperationFactory>
{
    private async Task<(int Id, string LastName, HttpClient Desk)> NominatedAsync(string firstName = "Éric")
    {
        var sessionId = (await factory.SessionAsync(capacity: 3, quotas: new() { ["CI"] = 3 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var lastName = UniqueName("Kouamé");
        var id = (await desk.NominateAsync(sessionId, Candidate(firstName, lastName, new DateOnly(1984, 2, 29)), "CI")).GetProperty("id").GetInt32();
        return (id, lastName, desk);
    }

    private static bool To(MimeMessage m, string address) => m.To.Mailboxes.Any(b => b.Address == address);

    /// <summary>The outbox row once the sender has marked it sent: the SMTP server holds the message a moment before.</summary>
    private async Task<OutboxMessage> SentRowAsync(System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> which)
    {
        var row = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(which));
        for (var i = 0; i < 50 && row.SentAt is null; i++)
        {
            await Task.Delay(100);
            row = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(which));
        }
        return row;
    }

    [Fact]
    public async Task The_liaison_officer_receives_the_acceptance_of_his_candidate_with_the_invitation_letter_attached()
    {
        var (id, lastName, desk) = await NominatedAsync();
        (await desk.ScreenAsync(id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.ActAsync(id, "accept")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var mails = await factory.Smtp.WaitForAsync(m => To(m, DemoAccounts.LiaisonCi) && (m.Subject ?? "").Contains(lastName.ToUpperInvariant()));
        var mail = mails.ShouldHaveSingleItem();
        mail.From.Mailboxes.Single().Address.ShouldBe("cooperation@test.local");
        mail.Subject.ShouldBe($"Candidature acceptée : Éric {lastName.ToUpperInvariant()} / Nomination accepted: Éric {lastName.ToUpperInvariant()}");
        (mail.TextBody ?? "").ShouldContain("est acceptée. La convocation est jointe au courriel");
        (mail.TextBody ?? "").ShouldContain("is accepted. The invitation letter is attached to the e-mail");
        (mail.TextBody ?? "").ShouldContain($"http://cooperation.test.local/Schools/Nominations/{id}");

        var attachment = mail.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        attachment.ContentType.MimeType.ShouldBe("application/pdf");
        (attachment.FileName ?? "").ShouldEndWith($"-{id}.pdf");
        using var pdf = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdf);
        var text = PdfText.Extract(pdf.ToArray());
        text.ShouldContain("CONVOCATION");
        text.ShouldContain($"Éric {lastName.ToUpperInvariant()}");

        // The desk officer who took the decision hears nothing of it; the outbox keeps the message, sent.
        factory.Smtp.Received.ShouldNotContain(m => To(m, DemoAccounts.DeskAfrica) && (m.Subject ?? "").Contains("acceptée") && (m.Subject ?? "").Contains(lastName.ToUpperInvariant()));
        var row = await SentRowAsync(m => m.To == DemoAccounts.LiaisonCi && (m.Subject ?? "").StartsWith("Candidature acceptée") && (m.Subject ?? "").Contains(lastName.ToUpperInvariant()));
        row.SentAt.ShouldNotBeNull();
        row.Attempts.ShouldBe(1);
        row.LockedUntil.ShouldBeNull();
    }

    [Fact]
    public async Task A_message_the_server_refused_stays_pending_with_its_error_and_is_sent_at_the_next_attempt()
    {
        var (id, lastName, desk) = await NominatedAsync("Alain");
        // The new nomination's notices to other desk officers go first, so that the refusal falls on the decision's.
        for (var i = 0; i < 100 && await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.SentAt == null && m.Attempts == 0)); i++)
            await Task.Delay(100);
        factory.Smtp.RefuseNext(1);
        (await desk.ActAsync(id, "refuse")).StatusCode.ShouldBe(HttpStatusCode.OK);
        bool Refusal(OutboxMessage m) => m.To == DemoAccounts.LiaisonCi && (m.Subject ?? "").StartsWith("Candidature refusée") && (m.Subject ?? "").Contains(lastName.ToUpperInvariant());

        OutboxMessage? row = null;
        for (var i = 0; i < 100 && row is not { Attempts: > 0 }; i++)
        {
            await Task.Delay(100);
            row = (await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == DemoAccounts.LiaisonCi).ToListAsync())).SingleOrDefault(Refusal);
        }
        row.ShouldNotBeNull();
        row.Attempts.ShouldBe(1);
        row.SentAt.ShouldBeNull();
        row.LastError!.ShouldContain("Try again later");
        // The next attempt waits a minute: not before.
        (row.NextAttemptAt - DateTime.UtcNow).ShouldBeGreaterThan(TimeSpan.FromSeconds(30));
        factory.Smtp.Received.ShouldNotContain(m => To(m, DemoAccounts.LiaisonCi) && (m.Subject ?? "").Contains(lastName.ToUpperInvariant()));

        // The minute has passed.
        await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1))));
        var mails = await factory.Smtp.WaitForAsync(m => To(m, DemoAccounts.LiaisonCi) && (m.Subject ?? "").Contains(lastName.ToUpperInvariant()));
        (mails.ShouldHaveSingleItem().Subject ?? "").ShouldStartWith("Candidature refusée");
        mails.Single().Attachments.ShouldBeEmpty();
        var sent = await SentRowAsync(m => m.Id == row.Id);
        sent.SentAt.ShouldNotBeNull();
        sent.Attempts.ShouldBe(2);
        sent.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task Two_senders_claiming_at_once_send_each_message_once()
    {
        var token = Unique();
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 12; i++)
                db.OutboxMessages.Add(new OutboxMessage
                {
                    To = $"claim{i}@example.org", Subject = $"Claim {token} {i}", Body = "…", CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
                });
            return await db.SaveChangesAsync();
        });
        var sender = factory.Services.GetRequiredService<Cooperation.Web.Infrastructure.OutboxSender>();
        await Task.WhenAll(sender.SendDueAsync(CancellationToken.None), sender.SendDueAsync(CancellationToken.None), sender.SendDueAsync(CancellationToken.None));

        var mails = await factory.Smtp.WaitForAsync(m => (m.Subject ?? "").Contains(token), count: 12);
        await Task.Delay(500);
        factory.Smtp.Received.Count(m => (m.Subject ?? "").Contains(token)).ShouldBe(12);
        mails.Select(m => m.Subject ?? "").Distinct().Count().ShouldBe(12);
        var rows = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => (m.Subject ?? "").Contains(token)).ToListAsync());
        rows.ShouldAllBe(m => m.SentAt != null && m.Attempts == 1);
    }
}
