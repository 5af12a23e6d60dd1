using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_Status_DueDate",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Postings_CooperantId_StartDate",
                table: "Postings");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_Status_DueDate_MissionId",
                table: "Recommendations",
                columns: new[] { "Status", "DueDate", "MissionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Postings_CooperantId_StartDate_ActualEndDate",
                table: "Postings",
                columns: new[] { "CooperantId", "StartDate", "ActualEndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Donations_ProposedOn",
                table: "Donations",
                column: "ProposedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_RequestedOn",
                table: "Missions",
                column: "RequestedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Postings_StartDate",
                table: "Postings",
                column: "StartDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Donations_ProposedOn",
                table: "Donations");

            migrationBuilder.DropIndex(
                name: "IX_Missions_RequestedOn",
                table: "Missions");

            migrationBuilder.DropIndex(
                name: "IX_Postings_StartDate",
                table: "Postings");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_Status_DueDate_MissionId",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Postings_CooperantId_StartDate_ActualEndDate",
                table: "Postings");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_Status_DueDate",
                table: "Recommendations",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Postings_CooperantId_StartDate",
                table: "Postings",
                columns: new[] { "CooperantId", "StartDate" });
        }
    }
}
