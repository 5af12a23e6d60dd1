namespace Cooperation.Web.Features.Projects.Budget;

/// <summary>/api/v1/projects/{id}/transactions: the money of a project.</summary>
public sealed class TransactionsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var project = api.MapGroup("/projects/{id:int}").WithTags("Projects: budget and transactions");

        project.MapGet("/transactions", async (int id, GetMoney get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("The project's money in euros: budget lines by year and funding source, funding shares (summing to 100), planned, committed, disbursed and spent by year and in total, warnings (disbursementsOverCommitments, commitmentsOverBudget), and the transactions.");

        project.MapPost("/transactions", async (int id, RecordTransaction.Request request, RecordTransaction record, GetMoney get, CancellationToken ct) =>
            {
                var transactionId = await record.HandleAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/projects/{id}/transactions", (await get.HandleAsync(id, ct)).Transactions.Single(t => t.Id == transactionId));
            })
            .WithSummary("Records a commitment, disbursement or expenditure (kind) of an approved, running or closed project: date, a positive amount in a known ISO 4217 currency, the rate used (units for one euro; 1 for EUR, optional then), provider and receiver organisations. A disbursement never precedes the project's start by more than Projects:DisbursementGraceDays (default 0).");
    }
}
