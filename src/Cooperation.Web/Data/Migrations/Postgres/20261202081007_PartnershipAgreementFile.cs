using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartnershipAgreementFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_AgreementFileId",
                table: "Partnerships",
                column: "AgreementFileId");

            migrationBuilder.AddForeignKey(
                name: "FK_Partnerships_StoredFiles_AgreementFileId",
                table: "Partnerships",
                column: "AgreementFileId",
                principalTable: "StoredFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Partnerships_StoredFiles_AgreementFileId",
                table: "Partnerships");

            migrationBuilder.DropIndex(
                name: "IX_Partnerships_AgreementFileId",
                table: "Partnerships");
        }
    }
}
