using Cooperation.Web.Features.Projects.Classification;

namespace Cooperation.Web.Features.Projects.Budget;

/// <summary>
/// Records a commitment, disbursement or expenditure of a project: in a known ISO 4217 currency, a positive amount, the
/// rate used (units of the currency for one euro) and so its euro value; a disbursement never earlier than the project's
/// start less the grace the configuration sets (<c>Projects:DisbursementGraceDays</c>, default 0); never dated after today.
/// </summary>
public class RecordTransaction(CooperationDbContext db, ProjectAccess projects, ReferenceCodes codes, IConfiguration config, TimeProvider clock,
    IStringLocalizer<RecordTransaction> text) : IUseCase
{
    public const string GraceSetting = "Projects:DisbursementGraceDays";

    /// <param name="Kind">commitment, disbursement or expenditure.</param>
    /// <param name="Currency">ISO 4217 code (EUR, XOF, USD...).</param>
    /// <param name="Rate">Units of the currency for one euro, as used (1 for euros; 655.957 for the CFA franc).</param>
    /// <param name="Provider">The organisation the money comes from.</param>
    /// <param name="Receiver">The organisation it goes to.</param>
    public record Request(
        string? Kind, DateOnly? Date, decimal? Amount, string? Currency, decimal? Rate, string? Provider, string? Receiver,
        string? Description = null, long? Version = null);

    public async Task<int> HandleAsync(int projectId, Request request, CancellationToken ct = default)
    {
        var project = await projects.EditableAsync(projectId, ct);
        var errors = new FieldErrors(text);
        var kind = ProjectCodes.Read<TransactionKind>(errors, "kind", "Type de mouvement", request.Kind);
        var date = errors.Required("date", "Date", request.Date);
        var amount = errors.Required("amount", "Montant", request.Amount);
        var currency = await codes.CurrencyAsync(request.Currency, errors, ct: ct);
        var rate = currency == "EUR" && request.Rate is null ? 1m : errors.Required("rate", "Taux de change (unités pour 1 €)", request.Rate);
        var provider = errors.Text("provider", "Organisation qui fournit les fonds", request.Provider);
        var receiver = errors.Text("receiver", "Organisation qui reçoit les fonds", request.Receiver);
        var description = errors.Text("description", "Description", request.Description, 500, optional: true);
        // IATI: a transaction is what was done, so its date is never in the future.
        if (date is { } done) ClassificationTerms.Try(errors, () => ActualDates.EnsureNotFuture("date", done, clock.Today()));
        errors.ThrowIfAny();

        var transaction = project.Record(new TransactionTerms(kind!.Value, date!.Value, amount!.Value, currency!, rate!.Value, provider!, receiver!, description),
            Math.Max(0, config.GetValue(GraceSetting, 0)));
        projects.Guard(project, request.Version);
        await db.SaveChangesAsync(ct);
        return transaction.Id;
    }
}
