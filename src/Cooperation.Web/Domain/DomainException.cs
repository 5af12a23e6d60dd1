namespace Cooperation.Web.Domain;

/// <summary>
/// A rule was broken. Carries the field it concerns and a message key (localised where shown), with arguments.
/// </summary>
public class DomainException(string field, string messageKey, params object[] args)
    : Exception(messageKey)
{
    public string Field { get; } = field;
    public string MessageKey { get; } = messageKey;
    public object[] Args { get; } = args;
}
