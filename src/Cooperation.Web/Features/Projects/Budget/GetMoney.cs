namespace Cooperation.Web.Features.Projects.Budget;

/// <summary>A transaction as the project shows it, with its value in euros.</summary>
public record TransactionRow(
    int Id, string Kind, string KindName, DateOnly Date, decimal Amount, string Currency, decimal Rate, decimal EuroValue,
    string Provider, string Receiver, string? Description);

/// <summary>A planned amount of the budget.</summary>
public record BudgetRow(int Year, string Source, string SourceName, decimal Amount);

/// <summary>A funding source's part of the planned budget: its amount and share (%); the shares of all sources make 100.</summary>
public record FundingShare(string Source, string SourceName, decimal Amount, decimal Percentage);

/// <summary>The money of a year, in euros: planned (budget), committed, disbursed, spent.</summary>
public record MoneyYear(int Year, decimal Planned, decimal Committed, decimal Disbursed, decimal Spent);

/// <summary>
/// A project's money in euros: by year and in total, the funding sources' shares, and the warnings a desk officer
/// must see (<c>disbursementsOverCommitments</c>, <c>commitmentsOverBudget</c>).
/// </summary>
public record ProjectMoney(
    IReadOnlyList<BudgetRow> BudgetLines, IReadOnlyList<FundingShare> FundingShares, IReadOnlyList<MoneyYear> Years,
    decimal Planned, decimal Committed, decimal Disbursed, decimal Spent, IReadOnlyList<string> Warnings,
    IReadOnlyList<TransactionRow> Transactions)
{
    public const string DisbursementsOverCommitments = "disbursementsOverCommitments";
    public const string CommitmentsOverBudget = "commitmentsOverBudget";
}

/// <summary>The budget and transactions of a project the user reads.</summary>
public class GetMoney(CooperationDbContext db, ProjectAccess projects, IStringLocalizer<GetMoney> text) : IUseCase
{
    public async Task<ProjectMoney> HandleAsync(int projectId, CancellationToken ct = default)
    {
        await projects.ReadableZoneAsync(projectId, ct);
        return await ReadAsync(projectId, ct);
    }

    /// <summary>The same, for a caller that has just checked the user reads the project (<see cref="Cooperation.Web.Features.Projects.Projects.GetProject"/>).</summary>
    internal async Task<ProjectMoney> ReadAsync(int projectId, CancellationToken ct)
    {
        var budget = (await db.BudgetLines.AsNoTracking().Where(b => b.ProjectId == projectId).Select(b => new { b.Year, b.Source, b.Amount }).ToListAsync(ct))
            .OrderBy(b => b.Year).ThenBy(b => b.Source).Select(b => new BudgetRow(b.Year, ProjectCodes.Of(b.Source), b.Source.Name(text), b.Amount)).ToList();
        var transactions = (await db.ProjectTransactions.AsNoTracking().Where(t => t.ProjectId == projectId)
                .Select(t => new { t.Id, t.Kind, t.Date, t.Amount, t.Currency, t.Rate, t.EuroValue, t.Provider, t.Receiver, t.Description }).ToListAsync(ct))
            .OrderBy(t => t.Date).ThenBy(t => t.Id)
            .Select(t => new TransactionRow(t.Id, ProjectCodes.Of(t.Kind), t.Kind.Name(text), t.Date, t.Amount, t.Currency, t.Rate, t.EuroValue,
                t.Provider, t.Receiver, t.Description)).ToList();
        return Summarise(budget, transactions, text);
    }

    /// <summary>The sums by year and in total, the funding shares and the warnings, from the lines and transactions.</summary>
    public static ProjectMoney Summarise(IReadOnlyList<BudgetRow> budget, IReadOnlyList<TransactionRow> transactions, IStringLocalizer text)
    {
        decimal Sum(string kind, int? year = null) =>
            transactions.Where(t => t.Kind == kind && (year is null || t.Date.Year == year)).Sum(t => t.EuroValue);
        var commitment = ProjectCodes.Of(TransactionKind.Commitment);
        var disbursement = ProjectCodes.Of(TransactionKind.Disbursement);
        var expenditure = ProjectCodes.Of(TransactionKind.Expenditure);
        var years = budget.Select(b => b.Year).Concat(transactions.Select(t => t.Date.Year)).Distinct().Order()
            .Select(y => new MoneyYear(y, budget.Where(b => b.Year == y).Sum(b => b.Amount), Sum(commitment, y), Sum(disbursement, y), Sum(expenditure, y)))
            .ToList();
        var planned = budget.Sum(b => b.Amount);
        var (committed, disbursed, spent) = (Sum(commitment), Sum(disbursement), Sum(expenditure));
        var shares = budget.GroupBy(b => b.Source).Select(g => (Source: g.Key, Amount: g.Sum(b => b.Amount))).ToList();
        var fundingShares = new List<FundingShare>();
        decimal given = 0;
        foreach (var (source, amount) in shares.OrderBy(s => Enum.Parse<FundingSource>(s.Source, true)))
        {
            // Rounded shares still make exactly 100: the last source takes what the others leave.
            var share = fundingShares.Count == shares.Count - 1 ? 100 - given : Math.Round(amount * 100 / planned, 2);
            given += share;
            fundingShares.Add(new FundingShare(source, Enum.Parse<FundingSource>(source, true).Name(text), amount, share));
        }
        var warnings = new List<string>();
        if (disbursed > committed) warnings.Add(ProjectMoney.DisbursementsOverCommitments);
        if (committed > planned) warnings.Add(ProjectMoney.CommitmentsOverBudget);
        return new ProjectMoney(budget, fundingShares, years, planned, committed, disbursed, spent, warnings, transactions);
    }
}
