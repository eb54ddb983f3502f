using ApiPlatform.ExperienceApis.PartnerPortal;
using ApiPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPartnerPortal();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPartnerPortal();
app.RunService();
