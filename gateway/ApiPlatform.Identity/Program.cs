using ApiPlatform.Identity;
using ApiPlatform.Identity.People;
using ApiPlatform.ServiceDefaults;

if (HashPasswordCommand.TryRun(args, Console.In, Console.Out))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityServer();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapIdentityServer();
app.RunService();
