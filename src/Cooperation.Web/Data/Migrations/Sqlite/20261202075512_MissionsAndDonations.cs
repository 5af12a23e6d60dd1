using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MissionsAndDonations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Donations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountryId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivingAuthority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivingUnit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    DeskOfficerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StatusChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndUserStatementFileId = table.Column<int>(type: "INTEGER", nullable: true),
                    RiskOfDiversion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    HumanitarianLaw = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StorageAndAccountability = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CancellationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HandedOverOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HandoverPlace = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HandoverAuthority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HandoverSignatory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HandoverDocumentFileId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Donations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Donations_AspNetUsers_DeskOfficerUserId",
                        column: x => x.DeskOfficerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Donations_Countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "Countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Donations_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Donations_StoredFiles_EndUserStatementFileId",
                        column: x => x.EndUserStatementFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Donations_StoredFiles_HandoverDocumentFileId",
                        column: x => x.HandoverDocumentFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Experts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AdministrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Speciality = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Experts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Experts_Administrations_AdministrationId",
                        column: x => x.AdministrationId,
                        principalTable: "Administrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Missions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountryId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    HostAuthorityTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    HostAuthorityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedStartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedEndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    RequestLetterId = table.Column<int>(type: "INTEGER", nullable: true),
                    Relevance = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Feasibility = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Risks = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActualStartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActualEndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportFileId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosingReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Missions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Missions_Countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "Countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Missions_Domains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "Domains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Missions_HostAuthorityTypes_HostAuthorityTypeId",
                        column: x => x.HostAuthorityTypeId,
                        principalTable: "HostAuthorityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Missions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Missions_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Missions_StoredFiles_ReportFileId",
                        column: x => x.ReportFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Missions_StoredFiles_RequestLetterId",
                        column: x => x.RequestLetterId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DonationChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DonationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CheckedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DonationChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DonationChecks_Donations_DonationId",
                        column: x => x.DonationId,
                        principalTable: "Donations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DonationItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DonationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    EuroValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Supplier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MlCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    ExportLicence = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    QuantityHandedOver = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DonationItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DonationItems_Donations_DonationId",
                        column: x => x.DonationId,
                        principalTable: "Donations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MissionExperts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CooperantId = table.Column<int>(type: "INTEGER", nullable: true),
                    ExpertId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    PostingId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissionExperts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissionExperts_Cooperants_CooperantId",
                        column: x => x.CooperantId,
                        principalTable: "Cooperants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MissionExperts_Experts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "Experts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MissionExperts_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MissionExperts_Postings_PostingId",
                        column: x => x.PostingId,
                        principalTable: "Postings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerAuthority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ItemChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CheckId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Finding = table.Column<int>(type: "INTEGER", nullable: false),
                    Condition = table.Column<int>(type: "INTEGER", nullable: true),
                    AtDeclaredLocation = table.Column<bool>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PhotoFileId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemChecks_DonationChecks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "DonationChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ItemChecks_DonationItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "DonationItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ItemChecks_StoredFiles_PhotoFileId",
                        column: x => x.PhotoFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecommendationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpNotes_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DonationChecks_CheckedOn_DueOn",
                table: "DonationChecks",
                columns: new[] { "CheckedOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DonationChecks_DonationId",
                table: "DonationChecks",
                column: "DonationId");

            migrationBuilder.CreateIndex(
                name: "IX_DonationItems_DonationId",
                table: "DonationItems",
                column: "DonationId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_CountryId_Status",
                table: "Donations",
                columns: new[] { "CountryId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Donations_DeskOfficerUserId",
                table: "Donations",
                column: "DeskOfficerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_EndUserStatementFileId",
                table: "Donations",
                column: "EndUserStatementFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_HandedOverOn",
                table: "Donations",
                column: "HandedOverOn");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_HandoverDocumentFileId",
                table: "Donations",
                column: "HandoverDocumentFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_ProjectId",
                table: "Donations",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Experts_AdministrationId",
                table: "Experts",
                column: "AdministrationId");

            migrationBuilder.CreateIndex(
                name: "IX_Experts_NormalizedName",
                table: "Experts",
                column: "NormalizedName");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpNotes_RecommendationId",
                table: "FollowUpNotes",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemChecks_CheckId",
                table: "ItemChecks",
                column: "CheckId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemChecks_ItemId",
                table: "ItemChecks",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemChecks_PhotoFileId",
                table: "ItemChecks",
                column: "PhotoFileId");

            migrationBuilder.CreateIndex(
                name: "IX_MissionExperts_CooperantId_StartDate",
                table: "MissionExperts",
                columns: new[] { "CooperantId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_MissionExperts_ExpertId_StartDate",
                table: "MissionExperts",
                columns: new[] { "ExpertId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_MissionExperts_MissionId",
                table: "MissionExperts",
                column: "MissionId");

            migrationBuilder.CreateIndex(
                name: "IX_MissionExperts_PostingId",
                table: "MissionExperts",
                column: "PostingId");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_CountryId_Status",
                table: "Missions",
                columns: new[] { "CountryId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Missions_DomainId",
                table: "Missions",
                column: "DomainId");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_HostAuthorityTypeId",
                table: "Missions",
                column: "HostAuthorityTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_OrganisationId",
                table: "Missions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_PlannedStartDate",
                table: "Missions",
                column: "PlannedStartDate");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_ProjectId",
                table: "Missions",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_ReportFileId",
                table: "Missions",
                column: "ReportFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_RequestLetterId",
                table: "Missions",
                column: "RequestLetterId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_MissionId",
                table: "Recommendations",
                column: "MissionId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_Status_DueDate",
                table: "Recommendations",
                columns: new[] { "Status", "DueDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpNotes");

            migrationBuilder.DropTable(
                name: "ItemChecks");

            migrationBuilder.DropTable(
                name: "MissionExperts");

            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "DonationChecks");

            migrationBuilder.DropTable(
                name: "DonationItems");

            migrationBuilder.DropTable(
                name: "Experts");

            migrationBuilder.DropTable(
                name: "Missions");

            migrationBuilder.DropTable(
                name: "Donations");
        }
    }
}
