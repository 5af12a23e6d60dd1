namespace Cooperation.Web.Domain;

/// <summary>
/// What a pseudonymised person is called instead: a name that says what happened and points to the record only
/// (its kind and number), never to the person.
/// </summary>
public static class Pseudonyms
{
    public const string FirstName = "Anonyme";

    public static string LastName(string kind, int id) => $"{kind}-{id}";

    /// <summary>A person is pseudonymised once: the second request is refused (its message lives with the personal-data pages).</summary>
    public static void EnsureNotYet(DateTime? pseudonymisedAt)
    {
        if (pseudonymisedAt is not null) throw new DomainException("person", "personalData.alreadyPseudonymised");
    }

    /// <summary>The address a pseudonymised account keeps (a login name is required): in the reserved .invalid domain.</summary>
    public static string Email(string kind, int id) => $"{LastName(kind, id).ToLowerInvariant()}@pseudonyme.invalid";
}
