using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TraineeAdministrationNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Trainees_AdministrationId",
                table: "Trainees");

            migrationBuilder.CreateIndex(
                name: "IX_Trainees_AdministrationId_NormalizedName_Id",
                table: "Trainees",
                columns: new[] { "AdministrationId", "NormalizedName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Trainees_AdministrationId_NormalizedName_Id",
                table: "Trainees");

            migrationBuilder.CreateIndex(
                name: "IX_Trainees_AdministrationId",
                table: "Trainees",
                column: "AdministrationId");
        }
    }
}
