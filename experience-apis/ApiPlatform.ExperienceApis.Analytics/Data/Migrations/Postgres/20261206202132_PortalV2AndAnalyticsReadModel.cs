using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ApiPlatform.ExperienceApis.Analytics.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortalV2AndAnalyticsReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL casts no timestamp to bigint by itself: the read model keeps Unix milliseconds.
            migrationBuilder.Sql("ALTER TABLE \"Transactions\" ALTER COLUMN \"StartedAt\" TYPE bigint USING (EXTRACT(EPOCH FROM \"StartedAt\") * 1000)::bigint;");

            // PostgreSQL casts no timestamp to bigint by itself: the read model keeps Unix milliseconds.
            migrationBuilder.Sql("ALTER TABLE \"Transactions\" ALTER COLUMN \"LastProgressAt\" TYPE bigint USING (EXTRACT(EPOCH FROM \"LastProgressAt\") * 1000)::bigint;");

            migrationBuilder.AddColumn<decimal>(
                name: "Amount",
                table: "Transactions",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ApprovalRequestedAt",
                table: "Transactions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ApprovalWaitMs",
                table: "Transactions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrelationId",
                table: "Transactions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "Transactions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DueAt",
                table: "Transactions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Ended",
                table: "Transactions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "EndedAt",
                table: "Transactions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceId",
                table: "Transactions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InvoicedAt",
                table: "Transactions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastStep",
                table: "Transactions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OrderedAt",
                table: "Transactions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PaidAt",
                table: "Transactions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PurchaseOrderId",
                table: "Transactions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuoteId",
                table: "Transactions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Transactions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SalesOrderId",
                table: "Transactions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "Transactions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupplierInvoiceId",
                table: "Transactions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WaitingOn",
                table: "Transactions",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TimelineEntries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Reference = table.Column<string>(type: "text", nullable: false),
                    TransactionId = table.Column<string>(type: "text", nullable: true),
                    Tenant = table.Column<string>(type: "text", nullable: false),
                    System = table.Column<string>(type: "text", nullable: false),
                    EventType = table.Column<string>(type: "text", nullable: false),
                    Step = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "text", nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    CorrelationId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelineEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TransactionLinks",
                columns: table => new
                {
                    Reference = table.Column<string>(type: "text", nullable: false),
                    TransactionId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransactionLinks", x => x.Reference);
                });

            migrationBuilder.CreateTable(
                name: "messaging_dead_letters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Group = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Envelope = table.Column<string>(type: "text", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    FirstFailureAt = table.Column<long>(type: "bigint", nullable: false),
                    LastFailureAt = table.Column<long>(type: "bigint", nullable: false),
                    DeadLetteredAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReplayCount = table.Column<int>(type: "integer", nullable: false),
                    ReplayRequestedAt = table.Column<long>(type: "bigint", nullable: true),
                    ReplayLockedUntil = table.Column<long>(type: "bigint", nullable: true),
                    ReplayedAt = table.Column<long>(type: "bigint", nullable: true),
                    DiscardedAt = table.Column<long>(type: "bigint", nullable: true),
                    DiscardReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_dead_letters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_inbox",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Group = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_inbox", x => new { x.EventId, x.Group });
                });

            migrationBuilder.CreateTable(
                name: "messaging_outbox",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Envelope = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<long>(type: "bigint", nullable: true),
                    LockedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LockedUntil = table.Column<long>(type: "bigint", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_outbox", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Transactions_Ended_DueAt",
                table: "Transactions",
                columns: new[] { "Ended", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Transactions_StartedAt",
                table: "Transactions",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_CorrelationId",
                table: "TimelineEntries",
                column: "CorrelationId");

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_Reference",
                table: "TimelineEntries",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_TransactionId",
                table: "TimelineEntries",
                column: "TransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_TransactionLinks_TransactionId",
                table: "TransactionLinks",
                column: "TransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_dead_letters_EventId_Group",
                table: "messaging_dead_letters",
                columns: new[] { "EventId", "Group" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messaging_dead_letters_Status_Group_Type",
                table: "messaging_dead_letters",
                columns: new[] { "Status", "Group", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_inbox_ProcessedAt",
                table: "messaging_inbox",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_outbox_EventId",
                table: "messaging_outbox",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messaging_outbox_Status_Sequence",
                table: "messaging_outbox",
                columns: new[] { "Status", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_outbox_Subject_Status",
                table: "messaging_outbox",
                columns: new[] { "Subject", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TimelineEntries");

            migrationBuilder.DropTable(
                name: "TransactionLinks");

            migrationBuilder.DropTable(
                name: "messaging_dead_letters");

            migrationBuilder.DropTable(
                name: "messaging_inbox");

            migrationBuilder.DropTable(
                name: "messaging_outbox");

            migrationBuilder.DropIndex(
                name: "IX_Transactions_Ended_DueAt",
                table: "Transactions");

            migrationBuilder.DropIndex(
                name: "IX_Transactions_StartedAt",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "Amount",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "ApprovalRequestedAt",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "ApprovalWaitMs",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "CorrelationId",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "Ended",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "InvoiceId",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "InvoicedAt",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "LastStep",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "OrderedAt",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "PaidAt",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "PurchaseOrderId",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "QuoteId",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "SalesOrderId",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "SupplierInvoiceId",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "WaitingOn",
                table: "Transactions");

            migrationBuilder.Sql("ALTER TABLE \"Transactions\" ALTER COLUMN \"StartedAt\" TYPE timestamp with time zone USING to_timestamp(\"StartedAt\" / 1000.0);");

            migrationBuilder.Sql("ALTER TABLE \"Transactions\" ALTER COLUMN \"LastProgressAt\" TYPE timestamp with time zone USING to_timestamp(\"LastProgressAt\" / 1000.0);");
        }
    }
}
