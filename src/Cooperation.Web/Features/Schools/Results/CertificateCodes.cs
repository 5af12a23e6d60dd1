using System.Security.Cryptography;

namespace Cooperation.Web.Features.Schools.Results;

/// <summary>
/// Verification codes of certificates: 10 characters drawn by a cryptographic generator from 32 that cannot be mistaken
/// for one another when read aloud or retyped (no 0/O, no 1/I): 32^10 ≈ 10^15 codes, so that guessing one is hopeless,
/// all the more as verification is rate-limited.
/// </summary>
public static class CertificateCodes
{
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int Length = 10;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>A code as typed (lower case, spaces, hyphens) in its canonical form; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var code = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }

    /// <summary><paramref name="count"/> new codes, distinct and used by no certificate yet (the unique index stays the last guard).</summary>
    public static async Task<List<string>> NewUniqueAsync(CooperationDbContext db, int count, CancellationToken ct)
    {
        var codes = new HashSet<string>();
        while (codes.Count < count)
        {
            var batch = Enumerable.Range(0, count - codes.Count).Select(_ => New()).Where(c => !codes.Contains(c)).Distinct().ToList();
            var taken = await db.Nominations.AsNoTracking().Where(n => n.CertificateCode != null && batch.Contains(n.CertificateCode))
                .Select(n => n.CertificateCode!).ToListAsync(ct);
            codes.UnionWith(batch.Except(taken));
        }
        return codes.ToList();
    }
}
