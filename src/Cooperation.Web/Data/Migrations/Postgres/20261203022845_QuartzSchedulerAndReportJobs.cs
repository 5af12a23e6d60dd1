using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QuartzSchedulerAndReportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The background jobs' scheduler (Quartz.NET, clustered AdoJobStore) keeps its jobs and triggers here.
            foreach (var statement in Quartz.QuartzSchema.Statements("postgres"))
                migrationBuilder.Sql(statement);

            migrationBuilder.CreateTable(
                name: "ReportJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ZoneId = table.Column<int>(type: "integer", nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    Step = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Runs = table.Column<int>(type: "integer", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ResultFileId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportJobs_AspNetUsers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportJobs_StoredFiles_ResultFileId",
                        column: x => x.ResultFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReportJobs_Zones_ZoneId",
                        column: x => x.ZoneId,
                        principalTable: "Zones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportJobs_RequestedById_QueuedAt",
                table: "ReportJobs",
                columns: new[] { "RequestedById", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportJobs_ResultFileId",
                table: "ReportJobs",
                column: "ResultFileId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportJobs_Status_FinishedAt",
                table: "ReportJobs",
                columns: new[] { "Status", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportJobs_ZoneId",
                table: "ReportJobs",
                column: "ZoneId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_FIRED_TRIGGERS");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_PAUSED_TRIGGER_GRPS");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_PAUSED_JOB_GRPS");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_SCHEDULER_STATE");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_LOCKS");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_SIMPROP_TRIGGERS");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_SIMPLE_TRIGGERS");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_CRON_TRIGGERS");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_BLOB_TRIGGERS");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_TRIGGERS");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_JOB_DETAILS");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_CALENDARS");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_EXECUTION_HISTORY");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_MISFIRE_HISTORY");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qrtz_JOB_STATUS");
            migrationBuilder.DropTable(
                name: "ReportJobs");
        }
    }
}
