namespace Cooperation.Web.Features.Admin.Audit;

public class IntegrityModel(VerifyAuditTrail verify) : PageModel
{
    public AuditIntegrity Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Result = await verify.HandleAsync(ct);

    /// <summary>The French label (a localizer key) of how the chain breaks.</summary>
    public static string BreakLabel(AuditBreakKind kind) => kind switch
    {
        AuditBreakKind.Altered => "Entrée modifiée : son contenu ou sa place ne correspond plus à son empreinte.",
        AuditBreakKind.Missing => "Entrées supprimées : il en manque avant celle-ci.",
        AuditBreakKind.Relinked => "Entrée précédente remplacée : celle-ci ne suit plus l'empreinte de la précédente.",
        AuditBreakKind.Unsealed => "Entrée sans sceau : écrite hors de l'application.",
        _ => "Contenu réécrit sans qu'une pseudonymisation du journal ne le déclare.",
    };
}
