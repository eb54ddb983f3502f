using ApiPlatform.ProcessApis.QuoteToCash;
using ApiPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddQuoteToCash();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapQuoteToCash();
app.RunService();
