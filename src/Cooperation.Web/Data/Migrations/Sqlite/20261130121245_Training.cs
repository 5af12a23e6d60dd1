using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Training : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "RegionalSchools",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ScopeSchoolId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Courses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TitleFr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Courses_Domains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "Domains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Courses_RegionalSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "RegionalSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Trainees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    NationalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    AdministrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Trainees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Trainees_Administrations_AdministrationId",
                        column: x => x.AdministrationId,
                        principalTable: "Administrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Trainees_Countries_NationalityId",
                        column: x => x.NationalityId,
                        principalTable: "Countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CourseAudience",
                columns: table => new
                {
                    AudienceId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseAudience", x => new { x.AudienceId, x.CourseId });
                    table.ForeignKey(
                        name: "FK_CourseAudience_Administrations_AudienceId",
                        column: x => x.AudienceId,
                        principalTable: "Administrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CourseAudience_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CourseSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourseSessions_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareerEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TraineeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Prominent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareerEntries_Trainees_TraineeId",
                        column: x => x.TraineeId,
                        principalTable: "Trainees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    TraineeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WaitlistedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Screening = table.Column<int>(type: "INTEGER", nullable: false),
                    ScreenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScreenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    Result = table.Column<int>(type: "INTEGER", nullable: true),
                    CertificateCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CertificateIssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominations_Countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "Countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_CourseSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CourseSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_Trainees_TraineeId",
                        column: x => x.TraineeId,
                        principalTable: "Trainees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SessionQuotas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionQuotas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionQuotas_Countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "Countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionQuotas_CourseSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CourseSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ScopeSchoolId",
                table: "AspNetUsers",
                column: "ScopeSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_CareerEntries_Prominent_TraineeId",
                table: "CareerEntries",
                columns: new[] { "Prominent", "TraineeId" });

            migrationBuilder.CreateIndex(
                name: "IX_CareerEntries_TraineeId",
                table: "CareerEntries",
                column: "TraineeId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseAudience_CourseId",
                table: "CourseAudience",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_Courses_DomainId",
                table: "Courses",
                column: "DomainId");

            migrationBuilder.CreateIndex(
                name: "IX_Courses_SchoolId_Code",
                table: "Courses",
                columns: new[] { "SchoolId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CourseSessions_CourseId_StartDate",
                table: "CourseSessions",
                columns: new[] { "CourseId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CourseSessions_StartDate",
                table: "CourseSessions",
                column: "StartDate");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_CertificateCode",
                table: "Nominations",
                column: "CertificateCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_CountryId_Status",
                table: "Nominations",
                columns: new[] { "CountryId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_SessionId_Status",
                table: "Nominations",
                columns: new[] { "SessionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_TraineeId_SessionId",
                table: "Nominations",
                columns: new[] { "TraineeId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionQuotas_CountryId",
                table: "SessionQuotas",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionQuotas_SessionId_CountryId",
                table: "SessionQuotas",
                columns: new[] { "SessionId", "CountryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Trainees_AdministrationId",
                table: "Trainees",
                column: "AdministrationId");

            migrationBuilder.CreateIndex(
                name: "IX_Trainees_NationalityId_BirthDate",
                table: "Trainees",
                columns: new[] { "NationalityId", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Trainees_NormalizedName_BirthDate_NationalityId",
                table: "Trainees",
                columns: new[] { "NormalizedName", "BirthDate", "NationalityId" });

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_RegionalSchools_ScopeSchoolId",
                table: "AspNetUsers",
                column: "ScopeSchoolId",
                principalTable: "RegionalSchools",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_RegionalSchools_ScopeSchoolId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "CareerEntries");

            migrationBuilder.DropTable(
                name: "CourseAudience");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropTable(
                name: "SessionQuotas");

            migrationBuilder.DropTable(
                name: "Trainees");

            migrationBuilder.DropTable(
                name: "CourseSessions");

            migrationBuilder.DropTable(
                name: "Courses");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_ScopeSchoolId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "RegionalSchools");

            migrationBuilder.DropColumn(
                name: "ScopeSchoolId",
                table: "AspNetUsers");
        }
    }
}
