using ApiPlatform.Gateway;
using ApiPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(versionedApis: false);
builder.AddGateway();

var app = builder.Build();
app.MapDefaultEndpoints(routedFirst: pipeline => pipeline.UseGatewayPolicies());
app.MapGateway();
app.Run();
