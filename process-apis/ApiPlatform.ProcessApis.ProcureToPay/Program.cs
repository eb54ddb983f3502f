using ApiPlatform.ProcessApis.ProcureToPay;
using ApiPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddProcureToPay();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapProcureToPay();
app.RunService();
