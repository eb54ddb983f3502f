using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ApiPlatform.ProcessApis.Reconciliation.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exceptions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Tenant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DocumentKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Documents = table.Column<string>(type: "text", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FirstRunId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastRunId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FirstFoundAt = table.Column<long>(type: "bigint", nullable: false),
                    LastFoundAt = table.Column<long>(type: "bigint", nullable: false),
                    ResolutionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ResolvedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exceptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "run_findings",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExceptionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_run_findings", x => new { x.RunId, x.ExceptionId });
                });

            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Tenant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    TickKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: true),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    LeaseUntil = table.Column<long>(type: "bigint", nullable: true),
                    DocumentsCompared = table.Column<long>(type: "bigint", nullable: false),
                    ExceptionsByKind = table.Column<string>(type: "text", nullable: false),
                    NewExceptions = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exception_activity",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExceptionId = table.Column<string>(type: "character varying(64)", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exception_activity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exception_activity_exceptions_ExceptionId",
                        column: x => x.ExceptionId,
                        principalTable: "exceptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exception_activity_ExceptionId",
                table: "exception_activity",
                column: "ExceptionId");

            migrationBuilder.CreateIndex(
                name: "IX_exceptions_LastRunId",
                table: "exceptions",
                column: "LastRunId");

            migrationBuilder.CreateIndex(
                name: "IX_exceptions_Tenant_Kind_DocumentKey",
                table: "exceptions",
                columns: new[] { "Tenant", "Kind", "DocumentKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exceptions_Tenant_Period_Status",
                table: "exceptions",
                columns: new[] { "Tenant", "Period", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_Status_CreatedAt",
                table: "runs",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_Tenant_Period",
                table: "runs",
                columns: new[] { "Tenant", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_TickKey",
                table: "runs",
                column: "TickKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exception_activity");

            migrationBuilder.DropTable(
                name: "run_findings");

            migrationBuilder.DropTable(
                name: "runs");

            migrationBuilder.DropTable(
                name: "exceptions");
        }
    }
}
