using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApiPlatform.ExperienceApis.Analytics.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntegrationHealth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConnectorSamples",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    System = table.Column<string>(type: "TEXT", nullable: false),
                    Connector = table.Column<string>(type: "TEXT", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<long>(type: "INTEGER", nullable: false),
                    Calls = table.Column<long>(type: "INTEGER", nullable: false),
                    Failures = table.Column<string>(type: "TEXT", nullable: false),
                    LatencyBuckets = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectorSamples", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MappingFailures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    System = table.Column<string>(type: "TEXT", nullable: false),
                    Connector = table.Column<string>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", nullable: false),
                    VendorOperation = table.Column<string>(type: "TEXT", nullable: false),
                    Tenant = table.Column<string>(type: "TEXT", nullable: true),
                    CorrelationId = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingFailures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessagingSamples",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    System = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    OutboxBacklog = table.Column<long>(type: "INTEGER", nullable: false),
                    OutboxOldestAgeSeconds = table.Column<double>(type: "REAL", nullable: false),
                    OpenDeadLetters = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagingSamples", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectorSamples_To",
                table: "ConnectorSamples",
                column: "To");

            migrationBuilder.CreateIndex(
                name: "IX_MappingFailures_At",
                table: "MappingFailures",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_MessagingSamples_System_At",
                table: "MessagingSamples",
                columns: new[] { "System", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConnectorSamples");

            migrationBuilder.DropTable(
                name: "MappingFailures");

            migrationBuilder.DropTable(
                name: "MessagingSamples");
        }
    }
}
