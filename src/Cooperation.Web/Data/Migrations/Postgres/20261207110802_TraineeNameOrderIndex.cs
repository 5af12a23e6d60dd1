using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TraineeNameOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Trainees_NormalizedName_Id",
                table: "Trainees",
                columns: new[] { "NormalizedName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Trainees_NormalizedName_Id",
                table: "Trainees");
        }
    }
}
