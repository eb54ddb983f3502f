using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApiPlatform.SystemApis.Crm.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaxRateAsRate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
