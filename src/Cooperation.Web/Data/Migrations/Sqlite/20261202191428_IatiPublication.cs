using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IatiPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IatiIdentifier",
                table: "Projects",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IatiPublished",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SummaryEn",
                table: "Projects",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "Projects",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_IatiIdentifier",
                table: "Projects",
                column: "IatiIdentifier",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_IatiIdentifier",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "IatiIdentifier",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "IatiPublished",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "SummaryEn",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "Projects");
        }
    }
}
