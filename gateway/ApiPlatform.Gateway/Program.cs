using ApiPlatform.Gateway;
using ApiPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.MapDefaultEndpoints(beforeAuthorization: pipeline => pipeline.UseGatewayLifecycle());
app.MapGateway();
app.Run();
