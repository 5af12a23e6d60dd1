using Cooperation.Web.Features.Network;
using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>A strategic priority the programme serves: a field of cooperation by code, and why.</summary>
public record PriorityInput(string? Domain = null, string? Rationale = null);

/// <summary>
/// A planned action: mode (training|missions|donations|postings|projects); for training, school (acronym), domain
/// and quantity (places); for missions, domain, quantity (missions) and expertDays; for donations, category
/// (surveillance|civilProtection|trainingCentres|trainingMeans) and value (euros); for postings, posting
/// (keep|open|close) and quantity; for projects, projectId; each with budget (euros) and source
/// (nationalCredits|euDelegatedFunds|partnerCoFunding|otherDonors).
/// </summary>
public record LineInput(
    string? Mode = null, string? School = null, string? Domain = null, string? Category = null, string? Posting = null, int? ProjectId = null,
    int? Quantity = null, int? ExpertDays = null, decimal? Value = null, decimal? Budget = null, string? Source = null);

/// <summary>The budget envelope of a mode from a funding source, in euros.</summary>
public record EnvelopeInput(string? Mode = null, string? Source = null, decimal? Amount = null);

/// <summary>A programme as the API and the form give it; references by code.</summary>
/// <param name="Country">ISO2 code of the partner country; or else</param>
/// <param name="Organisation">acronym of the partner organisation.</param>
/// <param name="Year">The year planned.</param>
/// <param name="Version">The version read, to change a programme (PUT, revise); a stale one answers 409.</param>
/// <param name="Reason">Why, for a revision of an approved programme.</param>
public record ProgrammeInput(
    string? Country = null, string? Organisation = null, int? Year = null, IReadOnlyList<PriorityInput>? Priorities = null,
    IReadOnlyList<LineInput>? Lines = null, IReadOnlyList<EnvelopeInput>? Envelopes = null, long? Version = null, string? Reason = null);

/// <summary>Reads a programme's plan field by field (each refusal naming its line and field) into the entity's terms.</summary>
public sealed class ProgrammeTerms(ReferenceCodes codes, Access access, CooperationDbContext db, IStringLocalizer<ProgrammeTerms> text) : IUseCase
{
    /// <summary>The partner and year of a new programme; a partner outside the user's zones is forbidden.</summary>
    public async Task<(Destination? Destination, int? Year)> PartnerAsync(ProgrammeInput input, FieldErrors errors, CancellationToken ct)
    {
        var destination = await Destinations.ResolveAsync(codes, access, input.Country, input.Organisation, errors, ct);
        var year = errors.Required("year", "Année", input.Year);
        if (year is { } y && (y < Calendar.Earliest.Year || y > Calendar.Latest.Year)) { errors.Add("year", "programme.yearOutOfRange", Calendar.Earliest.Year, Calendar.Latest.Year); year = null; }
        return (destination, year);
    }

    /// <summary>The plan given, checked against the programme's rules; null with the errors otherwise.</summary>
    public async Task<ProgrammePlan?> PlanAsync(ProgrammeInput input, FieldErrors errors, CancellationToken ct)
    {
        var priorities = new List<ProgrammePriorityTerms>();
        foreach (var (p, i) in (input.Priorities ?? []).Select((p, i) => (p, i)))
        {
            var domain = await codes.DomainAsync(p.Domain, errors, $"priorities[{i}].domain", ct: ct);
            var rationale = errors.Text($"priorities[{i}].rationale", "Justification", p.Rationale, Programme.MaxText);
            if (domain is { } d && rationale is not null) priorities.Add(new(d, rationale));
        }
        var lines = new List<ProgrammeLineTerms>();
        foreach (var (l, i) in (input.Lines ?? []).Select((l, i) => (l, i)))
        {
            var field = $"lines[{i}]";
            var mode = ProjectCodes.Read<ProgrammeMode>(errors, $"{field}.mode", "Mode", l.Mode);
            var source = ProjectCodes.Read<FundingSource>(errors, $"{field}.source", "Source de financement", l.Source);
            int? school = null, domain = null, project = null;
            EquipmentCategory? category = null;
            PostingPlan? posting = null;
            if (mode == ProgrammeMode.Training)
                school = (await codes.SchoolAsync(l.School, errors, $"{field}.school", ct: ct))?.Id;
            if (mode is ProgrammeMode.Training or ProgrammeMode.Missions)
                domain = await codes.DomainAsync(l.Domain, errors, $"{field}.domain", ct: ct);
            if (mode == ProgrammeMode.Donations)
                category = ProjectCodes.Read<EquipmentCategory>(errors, $"{field}.category", "Catégorie de matériel", l.Category);
            if (mode == ProgrammeMode.Postings)
                posting = ProjectCodes.Read<PostingPlan>(errors, $"{field}.posting", "Affectations", l.Posting);
            if (mode == ProgrammeMode.Projects)
            {
                project = errors.Required($"{field}.projectId", "Projet", l.ProjectId);
                if (project is { } id && !await access.VisibleProjects(db.Projects.AsNoTracking()).AnyAsync(p => p.Id == id, ct))
                    errors.Add($"{field}.projectId", "programme.unknownProject", id);
            }
            if (mode is { } m && source is { } s)
                lines.Add(new(m, school, domain, category, posting, project, l.Quantity ?? 0, l.ExpertDays ?? 0, l.Value ?? 0, l.Budget ?? 0, s));
        }
        var envelopes = new List<ProgrammeEnvelopeTerms>();
        foreach (var (e, i) in (input.Envelopes ?? []).Select((e, i) => (e, i)))
        {
            var mode = ProjectCodes.Read<ProgrammeMode>(errors, $"envelopes[{i}].mode", "Mode", e.Mode);
            var source = ProjectCodes.Read<FundingSource>(errors, $"envelopes[{i}].source", "Source de financement", e.Source);
            var amount = errors.Required($"envelopes[{i}].amount", "Montant", e.Amount);
            if (mode is { } m && source is { } s && amount is { } a) envelopes.Add(new(m, s, a));
        }
        if (errors.Any) return null;
        var plan = new ProgrammePlan(priorities, lines, envelopes);
        try
        {
            Programme.Check(plan);
        }
        catch (DomainException broken)
        {
            errors.Add(broken, text);
            return null;
        }
        return plan;
    }
}
