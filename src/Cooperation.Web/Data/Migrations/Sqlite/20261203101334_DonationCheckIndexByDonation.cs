using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DonationCheckIndexByDonation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DonationChecks_DonationId",
                table: "DonationChecks");

            migrationBuilder.CreateIndex(
                name: "IX_DonationChecks_DonationId_CheckedOn_DueOn",
                table: "DonationChecks",
                columns: new[] { "DonationId", "CheckedOn", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DonationChecks_DonationId_CheckedOn_DueOn",
                table: "DonationChecks");

            migrationBuilder.CreateIndex(
                name: "IX_DonationChecks_DonationId",
                table: "DonationChecks",
                column: "DonationId");
        }
    }
}
