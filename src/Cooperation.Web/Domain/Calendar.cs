namespace Cooperation.Web.Domain;

public static class Calendar
{
    /// <summary>The day it is for the directorate (the server's local date): every "today" of a rule comes from the injected clock.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().Date);
}
