using ApiPlatform.Gateway;
using ApiPlatform.ServiceDefaults;

SocketDefaults.PreferInlineCompletions();
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseGatewayPolicies();
app.MapDefaultEndpoints();
app.MapGateway();
app.RunService();
