using ApiPlatform.ServiceDefaults;
using ApiPlatform.SystemApis.Finance;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFinance();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapFinance();
app.RunService();
