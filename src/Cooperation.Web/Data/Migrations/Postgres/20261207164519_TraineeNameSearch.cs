using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cooperation.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The trainees' names in an index of their trigrams (<c>pg_trgm</c>, a GIN index), which finds the trainees whose
    /// names hold a word of three letters or more (<c>LIKE '%WORD%'</c>) without reading every name
    /// (<c>Access.NominationsOfCandidatesNamedAsync</c>). <c>pg_trgm</c> ships with PostgreSQL and is a trusted
    /// extension: the database's owner may create it. Down drops the index and leaves the extension.
    /// </summary>
    public partial class TraineeNameSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_Trainees_NormalizedName_Trigrams" ON "Trainees" USING gin ("NormalizedName" gin_trgm_ops)""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Trainees_NormalizedName_Trigrams" """);
        }
    }
}
