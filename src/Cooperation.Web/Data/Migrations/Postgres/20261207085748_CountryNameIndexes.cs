using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CountryNameIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Countries_NameEn",
                table: "Countries",
                column: "NameEn");

            migrationBuilder.CreateIndex(
                name: "IX_Countries_NameFr",
                table: "Countries",
                column: "NameFr");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Countries_NameEn",
                table: "Countries");

            migrationBuilder.DropIndex(
                name: "IX_Countries_NameFr",
                table: "Countries");
        }
    }
}
