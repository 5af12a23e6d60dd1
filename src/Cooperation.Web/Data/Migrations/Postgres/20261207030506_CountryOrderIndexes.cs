using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CountryOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Nominations_CountryId_SubmittedAt_Id",
                table: "Nominations",
                columns: new[] { "CountryId", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Donations_CountryId_ProposedOn_Id",
                table: "Donations",
                columns: new[] { "CountryId", "ProposedOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Nominations_CountryId_SubmittedAt_Id",
                table: "Nominations");

            migrationBuilder.DropIndex(
                name: "IX_Donations_CountryId_ProposedOn_Id",
                table: "Donations");
        }
    }
}
