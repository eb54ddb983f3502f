using ApiPlatform.ProcessApis.Reconciliation;
using ApiPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddReconciliation();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapReconciliation();
app.RunService();
