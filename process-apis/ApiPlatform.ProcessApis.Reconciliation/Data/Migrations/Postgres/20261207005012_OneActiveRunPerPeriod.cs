using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApiPlatform.ProcessApis.Reconciliation.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneActiveRunPerPeriod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_runs_active_period",
                table: "runs",
                columns: new[] { "Tenant", "Period" },
                unique: true,
                filter: "\"Status\" IN ('Queued', 'Running')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_runs_active_period",
                table: "runs");
        }
    }
}
