using ApiPlatform.Gateway;
using ApiPlatform.ServiceDefaults;

SocketDefaults.PreferInlineCompletions();
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(versionedApis: false);
builder.AddGateway();

var app = builder.Build();
app.MapDefaultEndpoints(routedFirst: pipeline => pipeline.UseGatewayPolicies());
app.MapGateway();
app.RunService();
