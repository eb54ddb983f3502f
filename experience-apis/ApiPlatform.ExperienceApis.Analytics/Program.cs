using ApiPlatform.ExperienceApis.Analytics;
using ApiPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAnalytics();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAnalytics();
app.RunService();
