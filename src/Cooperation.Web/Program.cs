_ = Cooperation.Web.Infrastructure.NativeHeap.LimitArenas();
var builder = WebApplication.CreateBuilder(Commands.ConfigurationArguments(args));
builder.AddCooperation();
var app = builder.Build();
if (await app.RunCommandAsync(args) is { } exitCode) return exitCode;
await app.UseCooperationAsync();
await app.RunAsync();
return 0;

public partial class Program;
