#:project ../../src/Flick.Local/Flick.Local.csproj
#:property PublishAot=false
#:property IsAotCompatible=false

// The hosts of scripts/bench-api.sh: a --once backfill, then the search API on its stores (rate
// limits out of the way) and a bare Kestrel endpoint returning the same bytes as the ranking.
using System.Text;
using System.Text.Json;
using Flick.Api;
using Flick.Api.Options;
using Flick.Local.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var dataDirectory = args[0];
var apiUrl = args[1];
var bareUrl = args[2];
var path = args[3];
using var stop = new CancellationTokenSource(TimeSpan.FromHours(1));
var options = new LocalOptions { DataDirectory = dataDirectory, Channels = 2000, Minutes = 60, Once = true, Quiet = true };
await using var host = await LocalHost.StartAsync(options, b => b.SetMinimumLevel(LogLevel.Warning), stop.Token);
await host.Runtime.RunAsync(null, stop.Token);

var apiOptions = new FlickApiOptions
{
    Url = apiUrl,
    DataDirectory = dataDirectory,
    RateLimits = new RateLimitOptions { PerUserPerMinute = 1_000_000_000, PerAddressPerMinute = 1_000_000_000 },
};
await using var api = await FlickApiHost.StartAsync(apiOptions, host.Services, b => b.SetMinimumLevel(LogLevel.Warning), stop.Token);

using var http = new HttpClient { BaseAddress = new Uri(apiUrl) };
using var body = new StringContent(JsonSerializer.Serialize(new Dictionary<string, string> { ["userName"] = "admin", ["password"] = api.AdminPassword! }, BenchJson.Default.DictionaryStringString), Encoding.UTF8, "application/json");
using var answer = await http.PostAsync(new Uri("/api/auth/token", UriKind.Relative), body, stop.Token);
answer.EnsureSuccessStatusCode();
using var token = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(stop.Token));
var accessToken = token.RootElement.GetProperty("accessToken").GetString()!;
http.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
var bytes = await http.GetByteArrayAsync(new Uri(path, UriKind.Relative), stop.Token);

var bare = WebApplication.CreateSlimBuilder();
bare.Logging.SetMinimumLevel(LogLevel.Warning);
await using var app = bare.Build();
app.Urls.Add(bareUrl);
app.MapGet(path.Split('?')[0], () => Results.Bytes(bytes, "application/json"));
await app.StartAsync(stop.Token);

Console.WriteLine($"READY {accessToken} {bytes.Length}");
// SIGTERM (the script ends) stops the bare host, and so the program.
await app.WaitForShutdownAsync(stop.Token);

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class BenchJson : System.Text.Json.Serialization.JsonSerializerContext;
