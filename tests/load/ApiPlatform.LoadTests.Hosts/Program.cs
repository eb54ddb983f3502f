using ApiPlatform.LoadTests.Hosts;

// Usage: ApiPlatform.LoadTests.Hosts backend --urls http://127.0.0.1:PORT
//        ApiPlatform.LoadTests.Hosts plain-yarp --urls http://127.0.0.1:PORT --backend http://127.0.0.1:PORT
var mode = args.FirstOrDefault() ?? "";
var builder = WebApplication.CreateSlimBuilder(args.Skip(1).ToArray());
builder.Logging.ClearProviders();
var app = mode switch
{
    "backend" => Backend.Build(builder),
    "plain-yarp" => PlainYarp.Build(builder, builder.Configuration["backend"] ?? throw new ArgumentException("--backend is required")),
    _ => throw new ArgumentException("The first argument is backend or plain-yarp."),
};
app.Run();
