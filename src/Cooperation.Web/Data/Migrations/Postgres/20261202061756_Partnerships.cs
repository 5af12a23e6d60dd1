using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Partnerships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PartnershipId",
                table: "Projects",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PartnershipId",
                table: "Postings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PartnershipId",
                table: "CourseSessions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InternationalSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Theme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ZoneId = table.Column<int>(type: "integer", nullable: false),
                    WithFica = table.Column<bool>(type: "boolean", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InternationalSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InternationalSessions_Zones_ZoneId",
                        column: x => x.ZoneId,
                        principalTable: "Zones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Partnerships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    AgreementTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgreementReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AgreementFileId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partnerships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Partnerships_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InternationalSessionCountries",
                columns: table => new
                {
                    InternationalSessionId = table.Column<int>(type: "integer", nullable: false),
                    InvitedCountriesId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InternationalSessionCountries", x => new { x.InternationalSessionId, x.InvitedCountriesId });
                    table.ForeignKey(
                        name: "FK_InternationalSessionCountries_Countries_InvitedCountriesId",
                        column: x => x.InvitedCountriesId,
                        principalTable: "Countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InternationalSessionCountries_InternationalSessions_Interna~",
                        column: x => x.InternationalSessionId,
                        principalTable: "InternationalSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    CountryId = table.Column<int>(type: "integer", nullable: false),
                    PositionHeld = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Grade = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProposedByUserId = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionParticipants_Countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "Countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionParticipants_InternationalSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "InternationalSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionParticipants_Trainees_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Trainees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipContributions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Party = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    CooperantsPlaced = table.Column<int>(type: "integer", nullable: false),
                    TrainingPlaces = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipContributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipContributions_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipCountries",
                columns: table => new
                {
                    CountriesId = table.Column<int>(type: "integer", nullable: false),
                    PartnershipId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipCountries", x => new { x.CountriesId, x.PartnershipId });
                    table.ForeignKey(
                        name: "FK_PartnershipCountries_Countries_CountriesId",
                        column: x => x.CountriesId,
                        principalTable: "Countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnershipCountries_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipDomains",
                columns: table => new
                {
                    DomainsId = table.Column<int>(type: "integer", nullable: false),
                    PartnershipId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipDomains", x => new { x.DomainsId, x.PartnershipId });
                    table.ForeignKey(
                        name: "FK_PartnershipDomains_Domains_DomainsId",
                        column: x => x.DomainsId,
                        principalTable: "Domains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnershipDomains_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipZones",
                columns: table => new
                {
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    ZonesId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipZones", x => new { x.PartnershipId, x.ZonesId });
                    table.ForeignKey(
                        name: "FK_PartnershipZones_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnershipZones_Zones_ZonesId",
                        column: x => x.ZonesId,
                        principalTable: "Zones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_PartnershipId",
                table: "Projects",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Postings_PartnershipId",
                table: "Postings",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseSessions_PartnershipId",
                table: "CourseSessions",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_InternationalSessionCountries_InvitedCountriesId",
                table: "InternationalSessionCountries",
                column: "InvitedCountriesId");

            migrationBuilder.CreateIndex(
                name: "IX_InternationalSessions_Year_Number",
                table: "InternationalSessions",
                columns: new[] { "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InternationalSessions_ZoneId",
                table: "InternationalSessions",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipContributions_PartnershipId_Year_Party",
                table: "PartnershipContributions",
                columns: new[] { "PartnershipId", "Year", "Party" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipCountries_PartnershipId",
                table: "PartnershipCountries",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipDomains_PartnershipId",
                table: "PartnershipDomains",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_AgreementReference",
                table: "Partnerships",
                column: "AgreementReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_EndDate",
                table: "Partnerships",
                column: "EndDate");

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_OrganisationId",
                table: "Partnerships",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipZones_ZonesId",
                table: "PartnershipZones",
                column: "ZonesId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionParticipants_CountryId",
                table: "SessionParticipants",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionParticipants_PersonId",
                table: "SessionParticipants",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionParticipants_SessionId_CountryId",
                table: "SessionParticipants",
                columns: new[] { "SessionId", "CountryId" });

            migrationBuilder.AddForeignKey(
                name: "FK_CourseSessions_Partnerships_PartnershipId",
                table: "CourseSessions",
                column: "PartnershipId",
                principalTable: "Partnerships",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Postings_Partnerships_PartnershipId",
                table: "Postings",
                column: "PartnershipId",
                principalTable: "Partnerships",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Projects_Partnerships_PartnershipId",
                table: "Projects",
                column: "PartnershipId",
                principalTable: "Partnerships",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The actions let go of their partnerships first: SQLite rebuilds their tables with the keys still checked.
            migrationBuilder.Sql("UPDATE \"CourseSessions\" SET \"PartnershipId\" = NULL; UPDATE \"Postings\" SET \"PartnershipId\" = NULL; UPDATE \"Projects\" SET \"PartnershipId\" = NULL;");
            migrationBuilder.DropForeignKey(
                name: "FK_CourseSessions_Partnerships_PartnershipId",
                table: "CourseSessions");

            migrationBuilder.DropForeignKey(
                name: "FK_Postings_Partnerships_PartnershipId",
                table: "Postings");

            migrationBuilder.DropForeignKey(
                name: "FK_Projects_Partnerships_PartnershipId",
                table: "Projects");

            migrationBuilder.DropTable(
                name: "InternationalSessionCountries");

            migrationBuilder.DropTable(
                name: "PartnershipContributions");

            migrationBuilder.DropTable(
                name: "PartnershipCountries");

            migrationBuilder.DropTable(
                name: "PartnershipDomains");

            migrationBuilder.DropTable(
                name: "PartnershipZones");

            migrationBuilder.DropTable(
                name: "SessionParticipants");

            migrationBuilder.DropTable(
                name: "Partnerships");

            migrationBuilder.DropTable(
                name: "InternationalSessions");

            migrationBuilder.DropIndex(
                name: "IX_Projects_PartnershipId",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Postings_PartnershipId",
                table: "Postings");

            migrationBuilder.DropIndex(
                name: "IX_CourseSessions_PartnershipId",
                table: "CourseSessions");

            migrationBuilder.DropColumn(
                name: "PartnershipId",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "PartnershipId",
                table: "Postings");

            migrationBuilder.DropColumn(
                name: "PartnershipId",
                table: "CourseSessions");
        }
    }
}
