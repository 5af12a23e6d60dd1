namespace Cooperation.Web.Features.Projects.Classification;

/// <param name="Code">A DAC 5-digit purpose code (152xx: conflict, peace and security).</param>
/// <param name="Percentage">Its share of the project; all shares together 100 (may be left out for a single sector).</param>
public record SectorInput(string? Code, decimal? Percentage);

/// <param name="Gender">Gender equality marker: 0 not targeted, 1 significant, 2 principal.</param>
/// <param name="GenderJustification">Why, required when the gender marker is 1 or 2.</param>
/// <param name="Ssr">Security sector reform marker, 0 to 2.</param>
/// <param name="CrisisPrevention">Crisis prevention marker, 0 to 2.</param>
public record MarkersInput(int? Gender = 0, string? GenderJustification = null, int? Ssr = 0, int? CrisisPrevention = 0);

/// <param name="Eligibility">eligible, partly or notEligible.</param>
/// <param name="EligibleShare">The eligible share (%) of a partly eligible project.</param>
/// <param name="Reason">Why (the DAC rules on peace and security), required when partly or not eligible.</param>
public record OdaInput(string? Eligibility, decimal? EligibleShare = null, string? Reason = null);

/// <summary>What a project is for the reporting, read from a request: DAC sectors, policy markers, SDG 16 targets, ODA.</summary>
public sealed record ClassificationTerms(
    IReadOnlyList<SectorShare> Sectors, MarkerScore Gender, string? GenderJustification, MarkerScore Ssr, MarkerScore CrisisPrevention,
    IReadOnlyList<string> Sdg16, OdaEligibility? Oda, decimal? OdaEligibleShare, string? OdaReason)
{
    /// <summary>Applies the classification to the project; each broken rule is recorded against its field.</summary>
    public void ApplyTo(Project project, FieldErrors errors)
    {
        Try(errors, () => project.SetSectors(Sectors));
        Try(errors, () => project.SetMarkers(Gender, GenderJustification, Ssr, CrisisPrevention));
        Try(errors, () => project.SetOda(Oda, OdaEligibleShare, OdaReason));
        project.Sdg16 = string.Join(';', Sdg16);
    }

    internal static void Try(FieldErrors errors, Action rule)
    {
        try { rule(); }
        catch (DomainException broken) { errors.Add(broken); }
    }
}

/// <summary>Reads the classification of a project: codes from the IATI codelists, markers on the DAC scale.</summary>
public sealed class ProjectClassification(CooperationDbContext db, IStringLocalizer<ProjectClassification> text) : IUseCase
{
    private Dictionary<string, bool>? _sectors;

    public async Task<ClassificationTerms> ReadAsync(IReadOnlyList<SectorInput>? sectors, MarkersInput? markers, IReadOnlyList<string>? sdg16,
        OdaInput? oda, FieldErrors errors, CancellationToken ct)
    {
        _sectors ??= await db.DacSectors.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Withdrawn, ct);
        var shares = new List<SectorShare>();
        foreach (var sector in sectors ?? [])
        {
            var code = sector.Code?.Trim();
            if (string.IsNullOrEmpty(code)) { if (sector.Percentage is not null) errors.Add("sectors", "common.required", errors.Label("Secteur CAD")); continue; }
            if (!_sectors.TryGetValue(code, out var withdrawn)) errors.Add("sectors", "common.unknown", errors.Label("Secteur CAD"), code);
            else if (withdrawn) errors.Add("sectors", "project.sectorWithdrawn", code);
            else shares.Add(new SectorShare(code, sector.Percentage));
        }
        markers ??= new MarkersInput();
        var targets = new List<string>();
        foreach (var target in sdg16 ?? [])
        {
            var clean = target?.Trim().ToLowerInvariant() ?? "";
            if (clean.Length == 0) continue;
            if (!Project.Sdg16Targets.Contains(clean)) errors.Add("sdg16Targets", "common.unknown", errors.Label("Cibles de l'ODD 16"), target!.Trim());
            else if (!targets.Contains(clean)) targets.Add(clean);
        }
        var eligibility = oda is null ? null : ProjectCodes.Read<OdaEligibility>(errors, "odaEligibility", "Éligibilité à l'APD", oda.Eligibility, required: false);
        return new ClassificationTerms(shares,
            Marker(errors, "genderMarker", "Marqueur égalité femmes-hommes", markers.Gender), errors.Text("genderJustification", "Justification du marqueur égalité", markers.GenderJustification, 1000, optional: true),
            Marker(errors, "ssrMarker", "Marqueur réforme du secteur de la sécurité", markers.Ssr),
            Marker(errors, "crisisPreventionMarker", "Marqueur prévention des crises", markers.CrisisPrevention),
            Project.Sdg16Targets.Where(targets.Contains).ToList(), eligibility, oda?.EligibleShare,
            errors.Text("odaReason", "Motif (règles du CAD)", oda?.Reason, 1000, optional: true));
    }

    private static MarkerScore Marker(FieldErrors errors, string field, string label, int? score)
    {
        if (score is null or 0) return MarkerScore.NotTargeted;
        if (score is 1 or 2) return (MarkerScore)score.Value;
        errors.Add(field, "project.markerScale", errors.Label(label));
        return MarkerScore.NotTargeted;
    }

    /// <summary>The DAC purpose codes a project may take (withdrawn ones left out), conflict, peace and security first.</summary>
    public async Task<List<SelectListItem>> SectorChoicesAsync(CancellationToken ct = default)
    {
        var all = await db.DacSectors.AsNoTracking().Where(s => !s.Withdrawn).Select(s => new { s.Code, s.NameFr, s.NameEn }).ToListAsync(ct);
        var security = new SelectListGroup { Name = text["Conflits, paix et sécurité (152)"] };
        var others = new SelectListGroup { Name = text["Autres secteurs"] };
        return all.OrderBy(s => s.Code.StartsWith("152") ? 0 : 1).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new SelectListItem($"{s.Code} — {Names.Pick(s.NameFr, s.NameEn)}", s.Code) { Group = s.Code.StartsWith("152") ? security : others })
            .ToList();
    }
}
