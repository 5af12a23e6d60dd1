using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The SMTP server the application's e-mails go through (<c>Smtp:Host</c>, <c>Smtp:Port</c>, <c>Smtp:From</c>,
/// <c>Smtp:UserName</c>, <c>Smtp:Password</c>, <c>Smtp:UseTls</c>). Without a host no e-mail is written nor sent;
/// notifications still appear in the application.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "cooperation@localhost";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>TLS from the start on port 465, STARTTLS on any other port; false sends in clear (a relay on the loopback).</summary>
    public bool UseTls { get; set; }
    /// <summary>How often the sender looks for messages due, in seconds.</summary>
    public double PollSeconds { get; set; } = 15;
    /// <summary>How long a sender holds the messages it claimed before another instance may claim them again, in seconds.</summary>
    public double LeaseSeconds { get; set; } = 300;
    /// <summary>How many messages a sender claims at once.</summary>
    public int BatchSize { get; set; } = 20;
    /// <summary>How long one connection, and each command on it, may take, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Sends one message of the outbox through the configured SMTP server (MailKit), one connection a message.</summary>
public sealed class SmtpMailTransport(IOptions<SmtpOptions> options)
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(o.From));
        mail.To.Add(MailboxAddress.Parse(message.To));
        mail.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.Body };
        if (message.Attachment is { } content)
            body.Attachments.Add(message.AttachmentName ?? "piece-jointe", content, ContentType.Parse(message.AttachmentType ?? "application/octet-stream"));
        mail.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        var security = !o.UseTls ? SecureSocketOptions.None : o.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(o.Host!, o.Port, security, ct);
        if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>
/// Sends the outbox: claims the messages due (an update that sets a lease, guarded so that two instances on one
/// PostgreSQL never claim the same message), sends each, and marks it sent, or failed with its error and the time of
/// the next attempt. A message the process dies holding is claimed again once its lease has run out.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, SmtpMailTransport transport, TimeProvider clock,
    ILogger<OutboxSender> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured) return;
        var interval = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0 && !stoppingToken.IsCancellationRequested) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // The database unreachable for a while: the messages wait in the outbox; try again at the next round.
                log.LogWarning(e, "The outbox could not be read; next attempt in {Interval}.", interval);
            }
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One round: claims a batch of messages due and tries each once. Returns how many it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        using var activity = Observability.Source.StartActivity("outbox.send");
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = Guid.NewGuid().ToString("N");
        var leaseEnd = now.AddSeconds(options.Value.LeaseSeconds);
        var due = db.OutboxMessages.Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(Math.Max(1, options.Value.BatchSize)).Select(m => m.Id);
        // The guard is repeated on the row updated: of two instances claiming at once, PostgreSQL lets the second
        // re-read the row once the first committed, finds it leased, and leaves it.
        var claimed = await db.OutsidePastYearsAsync(() => db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd).SetProperty(m => m.LockedBy, claim), ct));
        if (claimed == 0) return 0;

        var messages = await db.OutboxMessages.Where(m => m.LockedBy == claim).OrderBy(m => m.Id).ToListAsync(ct);
        foreach (var message in messages)
        {
            try
            {
                await transport.SendAsync(message, ct);
                message.MarkSent(clock.GetUtcNow().UtcDateTime);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                message.MarkFailed(clock.GetUtcNow().UtcDateTime, $"{e.GetType().Name}: {e.Message}");
                log.LogWarning("E-mail {Id} to the outbox's recipient not sent (attempt {Attempts}): {Error}; next attempt at {Next:u}.",
                    message.Id, message.Attempts, message.LastError, message.NextAttemptAt);
            }
            // Each outcome is saved at once: a crash later in the batch never sends a message twice nor loses one.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return messages.Count;
    }
}

public static class NotificationSetup
{
    /// <summary>
    /// The SMTP options, the transport and the outbox's sender (which does nothing while no host is configured). The daily
    /// job that tells coopérants of their posting's end is the scheduler's (<see cref="JobsSetup"/>).
    /// </summary>
    public static IServiceCollection AddCooperationNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SmtpOptions>().Bind(config.GetSection(SmtpOptions.Section));
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}
