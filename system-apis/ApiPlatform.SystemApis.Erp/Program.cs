using ApiPlatform.ServiceDefaults;
using ApiPlatform.SystemApis.Erp;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddErp();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapErp();
app.RunService();
