using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The trainees' names in a full-text index of their trigrams (SQLite's FTS5, <c>tokenize='trigram'</c>), which finds
    /// the trainees whose names hold a word of three letters or more without reading every name
    /// (<c>Access.NominationsOfCandidatesNamedAsync</c>). The index reads the names from the trainees' table (external
    /// content) and three triggers keep it as the table changes. A later migration that rebuilds the trainees' table
    /// (EF Core copies it into a new one to change a column) drops these triggers with the old table, and must create
    /// them again: the search tests fail without them.
    /// </summary>
    public partial class TraineeNameSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "TraineeNames" USING fts5("NormalizedName", content='Trainees', content_rowid='Id', tokenize='trigram')""");
            migrationBuilder.Sql("""INSERT INTO "TraineeNames"("TraineeNames") VALUES ('rebuild')""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "Trainees_NameInserted" AFTER INSERT ON "Trainees" BEGIN
                    INSERT INTO "TraineeNames"(rowid, "NormalizedName") VALUES (new."Id", new."NormalizedName");
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Trainees_NameDeleted" AFTER DELETE ON "Trainees" BEGIN
                    INSERT INTO "TraineeNames"("TraineeNames", rowid, "NormalizedName") VALUES ('delete', old."Id", old."NormalizedName");
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Trainees_NameUpdated" AFTER UPDATE OF "Id", "NormalizedName" ON "Trainees" BEGIN
                    INSERT INTO "TraineeNames"("TraineeNames", rowid, "NormalizedName") VALUES ('delete', old."Id", old."NormalizedName");
                    INSERT INTO "TraineeNames"(rowid, "NormalizedName") VALUES (new."Id", new."NormalizedName");
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Trainees_NameUpdated" """);
            migrationBuilder.Sql("""DROP TRIGGER "Trainees_NameDeleted" """);
            migrationBuilder.Sql("""DROP TRIGGER "Trainees_NameInserted" """);
            migrationBuilder.Sql("""DROP TABLE "TraineeNames" """);
        }
    }
}
