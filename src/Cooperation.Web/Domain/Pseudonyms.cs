namespace Cooperation.Web.Domain;

/// <summary>
/// What a pseudonymised person is called instead: a name that says what happened and points to the record only
/// (its kind and number), never to the person.
/// </summary>
public static class Pseudonyms
{
    public const string FirstName = "Anonyme";

    public static string LastName(string kind, int id) => $"{kind}-{id}";

    /// <summary>The address a pseudonymised account keeps (a login name is required): in the reserved .invalid domain.</summary>
    public static string Email(string kind, int id) => $"{LastName(kind, id).ToLowerInvariant()}@pseudonyme.invalid";
}
