using Cooperation.Web.Features.Projects.Budget;
using Cooperation.Web.Features.Projects.Classification;
using Cooperation.Web.Features.Projects.Funding;
using Cooperation.Web.Features.Projects.Iati;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Projects.Projects;

/// <param name="Country">ISO2 code of a country; or else</param>
/// <param name="Zone">the code of a zone, for a regional project (AFS, AFN, MOY, ASE...).</param>
/// <param name="Percentage">Its share of the project; all shares together 100 (may be left out for a single place).</param>
public record LocationInput(string? Country, string? Zone = null, decimal? Percentage = null);

/// <summary>
/// A project as a request gives it, to create or change as a whole (<see cref="Version"/>: the version read, for a change).
/// </summary>
/// <param name="Locations">Countries or zones with their shares; the zone of the largest share is the project's.</param>
/// <param name="Domains">Codes of the fields of cooperation (PEACEKEEPING, BORDER_MANAGEMENT...).</param>
/// <param name="Operator">Code of the implementing operator (AFD, EF, CIVIPOL...); required when the EU mode is coLead or support.</param>
/// <param name="Responsible">E-mail of the responsible desk officer's account.</param>
/// <param name="ContactName">A named contact with the partner (personal data: redacted for whoever may not see it).</param>
/// <param name="EuFunded">Funded or co-funded by the European Union: then exactly one euMode.</param>
/// <param name="EuMode">lead (the directorate receives the funds the EU delegates), coLead (with an operator that receives them) or support (occasional support to a project an operator leads).</param>
/// <param name="BudgetLines">The planned budget by year and funding source, in euros.</param>
/// <param name="Sectors">DAC 5-digit purpose codes with their shares.</param>
/// <param name="Sdg16Targets">SDG 16 targets served (16.1 … 16.10, 16.a, 16.b).</param>
/// <param name="TitleEn">The title in English, for the IATI publication.</param>
/// <param name="SummaryEn">The summary in English, for the IATI publication.</param>
/// <param name="IatiPublished">Published in the public IATI activity file (needs DAC sectors); the first publication gives the project its IATI identifier for good.</param>
public record ProjectInput(
    string? Title, string? Summary = null, string? Objective = null, string? PartnerAuthorities = null,
    IReadOnlyList<LocationInput>? Locations = null, IReadOnlyList<string>? Domains = null, string? Operator = null,
    string? Responsible = null, string? ContactName = null, string? ContactEmail = null, DateOnly? StartDate = null, DateOnly? EndDate = null,
    bool EuFunded = false, string? EuMode = null, string? EuContractReference = null,
    IReadOnlyList<BudgetLineInput>? BudgetLines = null, IReadOnlyList<SectorInput>? Sectors = null, MarkersInput? Markers = null,
    IReadOnlyList<string>? Sdg16Targets = null, OdaInput? Oda = null, long? Version = null,
    string? TitleEn = null, string? SummaryEn = null, bool IatiPublished = false);

/// <summary>
/// Reads a whole project from a request and applies it: every field checked (codes, lengths, required), then the
/// project's own rules (shares, EU mode, budget years, markers, ODA), every refusal named against its field at once.
/// </summary>
public sealed class ProjectTerms(CooperationDbContext db, Access access, ReferenceCodes codes, ProjectClassification classification,
    IOptions<IatiOptions> iati) : IUseCase
{
    public async Task ApplyAsync(Project project, ProjectInput input, FieldErrors errors, CancellationToken ct)
    {
        var title = errors.Text("title", "Intitulé du projet", input.Title, Project.MaxTitle);
        var summary = errors.Text("summary", "Résumé", input.Summary, Project.MaxText, optional: true);
        var titleEn = errors.Text("titleEn", "Intitulé en anglais", input.TitleEn, Project.MaxTitle, optional: true);
        var summaryEn = errors.Text("summaryEn", "Résumé en anglais", input.SummaryEn, Project.MaxText, optional: true);
        var objective = errors.Text("objective", "Objectif général", input.Objective, Project.MaxText, optional: true);
        var partners = errors.Text("partnerAuthorities", "Autorités partenaires", input.PartnerAuthorities, 500, optional: true);
        var places = await PlacesAsync(input.Locations, errors, ct);
        var domains = await DomainsAsync(input.Domains, errors, ct);
        var operatorId = await OperatorAsync(input.Operator, errors, ct);
        var responsible = await ResponsibleAsync(input.Responsible, errors, ct);
        var contactName = errors.Text("contactName", "Contact chez le partenaire", input.ContactName, optional: true);
        var contactEmail = errors.Email("contactEmail", "Adresse électronique du contact", input.ContactEmail);
        var start = errors.Required("startDate", "Date de début", input.StartDate);
        var end = errors.Required("endDate", "Date de fin prévue", input.EndDate);
        var mode = EuFunding.ReadMode(input.EuFunded, input.EuMode, errors);
        var contract = errors.Text("euContractReference", "Référence du contrat UE", input.EuContractReference, 100, optional: true);
        var budget = BudgetLines.Read(input.BudgetLines, errors);
        var terms = await classification.ReadAsync(input.Sectors, input.Markers, input.Sdg16Targets, input.Oda, errors, ct);
        errors.ThrowIfAny();

        project.Title = title!;
        project.Summary = summary ?? "";
        (project.TitleEn, project.SummaryEn) = (titleEn, summaryEn);
        project.Objective = objective ?? "";
        project.PartnerAuthorities = partners ?? "";
        project.OperatorId = operatorId;
        project.ResponsibleUserId = responsible;
        (project.ContactName, project.ContactEmail) = (contactName, contactEmail);
        ClassificationTerms.Try(errors, () => Project.ValidateDates(start!.Value, end!.Value));
        (project.StartDate, project.EndDate) = (start!.Value, end!.Value);
        project.Domains.Clear();
        project.Domains.AddRange(domains);
        ClassificationTerms.Try(errors, () => project.SetLocations(places));
        var zoneCode = await db.Zones.AsNoTracking().Where(z => z.Id == project.ZoneId).Select(z => z.Code).SingleOrDefaultAsync(ct) ?? "";
        ClassificationTerms.Try(errors, () => project.SetEuFunding(input.EuFunded, mode, contract, zoneCode));
        if (!errors.Has("endDate")) ClassificationTerms.Try(errors, () => project.SetBudget(budget));
        terms.ApplyTo(project, errors);
        ClassificationTerms.Try(errors, () => project.SetPublication(input.IatiPublished));
        // A new project gets its identifier once it has its number (CreateProject).
        if (project.IatiPublished && project.Id != 0) project.GiveIatiIdentifier(iati.Value.IdentifierFor(project.Id));
        errors.ThrowIfAny();
        // A desk officer keeps her projects in her zones: she may not place one in another's.
        ForbiddenException.ThrowUnless(access.CanEditProject(project.ZoneId));
    }

    /// <summary>Countries (with the zone each belongs to) or whole zones.</summary>
    private async Task<List<ProjectPlace>> PlacesAsync(IReadOnlyList<LocationInput>? locations, FieldErrors errors, CancellationToken ct)
    {
        var places = new List<ProjectPlace>();
        foreach (var location in (locations ?? []).Where(l => !string.IsNullOrWhiteSpace(l.Country) || !string.IsNullOrWhiteSpace(l.Zone) || l.Percentage is not null))
        {
            if (!string.IsNullOrWhiteSpace(location.Country) && !string.IsNullOrWhiteSpace(location.Zone))
            {
                errors.Add("locations", "project.countryOrZone");
                continue;
            }
            if (!string.IsNullOrWhiteSpace(location.Zone))
            {
                if (await codes.ZoneAsync(location.Zone, errors, "locations", ct: ct) is { } zoneId) places.Add(new ProjectPlace(null, zoneId, location.Percentage));
                continue;
            }
            if (await codes.CountryAsync(location.Country, errors, "locations", ct: ct) is not { } countryId) continue;
            var zone = await db.Countries.AsNoTracking().Where(c => c.Id == countryId).Select(c => c.ZoneId).SingleAsync(ct);
            if (zone is null) errors.Add("locations", "project.countryWithoutZone", location.Country!.Trim().ToUpperInvariant());
            else places.Add(new ProjectPlace(countryId, zone.Value, location.Percentage));
        }
        if (places.Count == 0 && !errors.Has("locations")) errors.Add("locations", "project.locationRequired");
        return places;
    }

    private async Task<List<CooperationDomain>> DomainsAsync(IReadOnlyList<string>? domains, FieldErrors errors, CancellationToken ct)
    {
        var ids = new List<int>();
        foreach (var code in (domains ?? []).Where(d => !string.IsNullOrWhiteSpace(d)))
            if (await codes.DomainAsync(code, errors, "domains", ct: ct) is { } id && !ids.Contains(id)) ids.Add(id);
        return await db.Domains.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
    }

    private async Task<int?> OperatorAsync(string? code, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var clean = code.Trim().ToUpperInvariant();
        var id = await db.Operators.AsNoTracking().Where(o => o.Code.ToUpper() == clean).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
        if (id is null) errors.Add("operator", "common.unknown", errors.Label("Opérateur"), clean);
        return id;
    }

    /// <summary>The responsible desk officer, by the e-mail of an account of a desk officer or an administrator.</summary>
    private async Task<string?> ResponsibleAsync(string? email, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var normalized = email.Trim().ToUpperInvariant();
        var roles = new[] { Roles.DeskOfficer, Roles.Administrator };
        var id = await (from u in db.Users
                        join ur in db.UserRoles on u.Id equals ur.UserId
                        join r in db.Roles on ur.RoleId equals r.Id
                        where u.NormalizedEmail == normalized && roles.Contains(r.Name!)
                        select u.Id).FirstOrDefaultAsync(ct);
        if (id is null) errors.Add("responsible", "project.responsibleUnknown", email.Trim());
        return id;
    }
}
