namespace Cooperation.Tests.Infrastructure;

/// <summary>What every test's own data is made of: today's date, and names nobody else in the database bears.</summary>
public static class TestData
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now.Date);

    /// <summary>A short unique token (capitals and digits), so that each test's people and courses are its own.</summary>
    public static string Unique(int length = 8) => Guid.NewGuid().ToString("N")[..length].ToUpperInvariant();

    /// <summary>A name nobody else bears, letters only (names are matched on letters): the stem and eight letters.</summary>
    public static string UniqueName(string stem) =>
        stem + new string(Guid.NewGuid().ToString("N")[..8].Select(c => c <= '9' ? (char)('a' + (c - '0')) : (char)('k' + (c - 'a'))).ToArray());
}
