using ApiPlatform.Identity;
using ApiPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityServer();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapIdentityServer();
app.RunService();
