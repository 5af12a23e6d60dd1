using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LockedYears : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LockedYearAmendments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LockedYearAmendments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LockedYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LockedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    LockedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LockedYears", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LockedYearAmendments_Year_At",
                table: "LockedYearAmendments",
                columns: new[] { "Year", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LockedYears_Year",
                table: "LockedYears",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LockedYearAmendments");

            migrationBuilder.DropTable(
                name: "LockedYears");
        }
    }
}
