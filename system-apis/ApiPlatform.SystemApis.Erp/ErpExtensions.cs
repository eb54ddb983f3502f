using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Messaging;
using ApiPlatform.Messaging.Admin;
using ApiPlatform.ServiceDefaults;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Erp.Apis;
using ApiPlatform.SystemApis.Erp.Connectors;
using ApiPlatform.SystemApis.Erp.Data;
using ApiPlatform.SystemApis.Erp.Events;
using ApiPlatform.SystemApis.Erp.Fulfilment;
using ApiPlatform.SystemApis.Erp.Inventory;
using ApiPlatform.SystemApis.Erp.Pricing;
using ApiPlatform.SystemApis.Erp.Procurement;
using ApiPlatform.VendorConnectors.Telemetry;

namespace ApiPlatform.SystemApis.Erp;

public static class ErpExtensions
{
    /// <summary>Adds the erp system API, its embedded reference ERP and the SAP S/4HANA connector that <c>Erp:Connectors:{tenant}</c> may choose.</summary>
    public static WebApplicationBuilder AddErp(this WebApplicationBuilder builder)
    {
        builder.AddVersionedApis();
        builder.AddServiceDatabase<ErpDbContext>("erp");
        builder.Services.AddDatabaseSeeder<ErpDbContext, ErpSeeder>();
        builder.Services.AddValidatorsFrom<CreateSalesOrderRequest>();
        builder.Services.AddScoped<ErpChangeFeed>();
        builder.AddMessaging<ErpDbContext>(messaging => messaging
            .Publishes<SalesOrderStatusChanged>()
            .Publishes<ErpConnectorMappingFailed>().Publishes<ErpConnectorHealthSampled>()
            .Publishes<ShipmentCreated>()
            .Publishes<GoodsReceiptCreated>()
            .Handles<AccountChanged, UpsertCustomerFromCrmAccount>(UpsertCustomerFromCrmAccount.Group));
        builder.Services.AddScoped<StockLedger>();
        builder.Services.AddScoped<ReservationBook>();
        builder.Services.AddScoped<OrderFulfilment>();
        builder.Services.AddScoped<PurchaseOrderBook>();
        builder.Services.AddScoped<GoodsReceiving>();
        builder.Services.AddScoped<SupplierRegister>();
        builder.Services.AddScoped<PriceListBook>();
        builder.Services.AddHostedService<ReservationExpiry>();
        builder.AddErpConnectors();
        builder.Services.AddConnectorTelemetry<ErpDbContext, ErpConnectorMappingFailed, ErpConnectorHealthSampled>("erp",
            (failure, tenant, correlationId, at) => new(failure.System, failure.Connector, failure.Field, failure.Operation, tenant, correlationId, at),
            s => new(s.System, s.Replica, s.From, s.To, s.Connectors, s.OutboxBacklog, s.OutboxOldestAgeSeconds, s.OpenDeadLetters));
        return builder;
    }

    public static WebApplication MapErp(this WebApplication app)
    {
        var v1 = app.MapApiVersion("erp", 1);
        v1.MapSalesOrdersApi();
        v1.MapCustomersApi();
        v1.MapProductsApi();
        v1.MapInventoryApi();
        v1.MapReservationsApi();
        v1.MapSuppliersApi();
        v1.MapPurchaseOrdersApi();
        v1.MapGoodsReceiptsApi();
        app.MapMessagingAdmin();
        return app;
    }
}
