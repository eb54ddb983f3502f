using Refit;

namespace ApiPlatform.SystemApis.Erp.Connectors.Sap;

/// <summary>
/// SAP S/4HANA Cloud OData v2 services: API_BUSINESS_PARTNER (customers), API_PRODUCT_SRV (products) and
/// API_SALES_ORDER_SRV (sales orders with items). Lists page with <c>$top</c>/<c>$skip</c> and count with <c>$inlinecount</c>.
/// </summary>
public interface ISapApi
{
    public const string BusinessPartners = "/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner";
    public const string Products = "/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product";
    public const string SalesOrders = "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";

    [Get(BusinessPartners)]
    Task<ODataList<SapBusinessPartner>> ListBusinessPartnersAsync([Query] ODataQuery query, CancellationToken cancellationToken);

    [Get(BusinessPartners + "('{id}')?$expand=to_BusinessPartnerAddress&$format=json")]
    Task<ODataSingle<SapBusinessPartner>> GetBusinessPartnerAsync(string id, CancellationToken cancellationToken);

    [Post(BusinessPartners)]
    Task<ODataSingle<SapBusinessPartner>> CreateBusinessPartnerAsync([Body] SapBusinessPartnerCreate partner, CancellationToken cancellationToken);

    [Patch(BusinessPartners + "('{id}')")]
    Task UpdateBusinessPartnerAsync(string id, [Body] SapBusinessPartnerUpdate partner, CancellationToken cancellationToken);

    [Get(Products)]
    Task<ODataList<SapProduct>> ListProductsAsync([Query] ODataQuery query, CancellationToken cancellationToken);

    [Get(Products + "('{sku}')?$expand=to_Description&$format=json")]
    Task<ODataSingle<SapProduct>> GetProductAsync(string sku, CancellationToken cancellationToken);

    [Get(SalesOrders)]
    Task<ODataList<SapSalesOrder>> ListSalesOrdersAsync([Query] ODataQuery query, CancellationToken cancellationToken);

    [Get(SalesOrders + "('{id}')?$expand=to_Item&$format=json")]
    Task<ODataSingle<SapSalesOrder>> GetSalesOrderAsync(string id, CancellationToken cancellationToken);

    [Post(SalesOrders)]
    Task<ODataSingle<SapSalesOrder>> CreateSalesOrderAsync([Body] SapSalesOrderCreate order, CancellationToken cancellationToken);
}
