namespace Cooperation.Web.Features.Projects.Budget;

/// <param name="Year">The year of the planned amount, within the project's years.</param>
/// <param name="Source">nationalCredits, euDelegatedFunds, partnerCoFunding or otherDonors.</param>
/// <param name="Amount">In euros, positive.</param>
public record BudgetLineInput(int? Year, string? Source, decimal? Amount);

/// <summary>The planned budget as a request gives it: every line with its year, source and amount, or field errors.</summary>
public static class BudgetLines
{
    public static List<PlannedAmount> Read(IReadOnlyList<BudgetLineInput>? lines, FieldErrors errors)
    {
        var result = new List<PlannedAmount>();
        foreach (var line in lines ?? [])
        {
            if (line.Year is null && string.IsNullOrWhiteSpace(line.Source) && line.Amount is null) continue;
            var year = errors.Required("budgetLines", "Année", line.Year);
            var source = ProjectCodes.Read<FundingSource>(errors, "budgetLines", "Source de financement", line.Source);
            var amount = errors.Required("budgetLines", "Montant (€)", line.Amount);
            if (year is { } y && source is { } s && amount is { } a) result.Add(new PlannedAmount(y, s, a));
        }
        return result;
    }
}
