namespace Cooperation.Tests.Notifications;

/// <summary>The rules of a notification and of an outbox message, on the entities.</summary>
[Trait("Category", "Unit")]
public class NotificationRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_failed_attempt_keeps_the_message_pending_with_its_error_and_waits_longer_each_time_up_to_six_hours()
    {
        var message = new OutboxMessage { To = "a@example.org", Subject = "s", Body = "b", NextAttemptAt = Now, LockedUntil = Now.AddMinutes(5), LockedBy = "x" };
        message.MarkFailed(Now, "451 Try again later");
        message.IsSent.ShouldBeFalse();
        message.Attempts.ShouldBe(1);
        message.LastError.ShouldBe("451 Try again later");
        message.NextAttemptAt.ShouldBe(Now.AddMinutes(1));
        message.LockedUntil.ShouldBeNull();
        message.LockedBy.ShouldBeNull();

        message.MarkFailed(Now, new string('x', 5000));
        message.Attempts.ShouldBe(2);
        message.LastError!.Length.ShouldBe(OutboxMessage.MaxError);
        message.NextAttemptAt.ShouldBe(Now.AddMinutes(2));

        OutboxMessage.Backoff(3).ShouldBe(TimeSpan.FromMinutes(4));
        OutboxMessage.Backoff(9).ShouldBe(TimeSpan.FromMinutes(256));
        OutboxMessage.Backoff(10).ShouldBe(TimeSpan.FromHours(6));
        OutboxMessage.Backoff(1000).ShouldBe(TimeSpan.FromHours(6));

        message.MarkSent(Now.AddMinutes(3));
        message.IsSent.ShouldBeTrue();
        message.Attempts.ShouldBe(3);
        message.LastError.ShouldBeNull();
    }

    [Fact]
    public void A_notification_read_again_keeps_the_first_time_and_its_arguments_come_back_in_both_languages()
    {
        var notification = new Notification
        {
            RecipientId = "u", MessageKey = "k", Link = "/",
            Arguments = Notification.Serialize([new NotificationArgument("Côte d'Ivoire", "Côte d'Ivoire"), new NotificationArgument("1 décembre 2026", "1 December 2026")]),
        };
        notification.IsRead.ShouldBeFalse();
        notification.MarkRead(Now);
        notification.MarkRead(Now.AddHours(1));
        notification.ReadAt.ShouldBe(Now);
        var args = notification.ArgumentList();
        args[1].In(english: false).ShouldBe("1 décembre 2026");
        args[1].In(english: true).ShouldBe("1 December 2026");
    }
}
