namespace Cooperation.Web.Features.Legal;

/// <summary>
/// Who publishes and hosts the service, and whom to write to (section <c>Legal</c>): the legal notice, the
/// accessibility statement and the personal-data page read them, so that each deployment states its own.
/// </summary>
public sealed class LegalOptions
{
    public const string Section = "Legal";

    /// <summary>The publisher (éditeur): the ministry and the directorate that run the service.</summary>
    public string Publisher { get; set; } = "";
    public string PublisherAddress { get; set; } = "";
    /// <summary>The director of publication (directeur de la publication).</summary>
    public string PublicationDirector { get; set; } = "";
    /// <summary>The host (hébergeur): who runs the servers.</summary>
    public string HostName { get; set; } = "";
    public string HostAddress { get; set; } = "";
    /// <summary>Where to report an accessibility problem or ask for an accessible alternative.</summary>
    public string Contact { get; set; } = "";
    /// <summary>The data protection officer's address, where persons exercise their rights.</summary>
    public string DataProtectionContact { get; set; } = "";
    /// <summary>The day the accessibility statement was established.</summary>
    public DateOnly? StatementDate { get; set; }
}
