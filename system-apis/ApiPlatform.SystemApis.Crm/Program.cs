using ApiPlatform.ServiceDefaults;
using ApiPlatform.SystemApis.Crm;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCrm();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCrm();
app.RunService();
