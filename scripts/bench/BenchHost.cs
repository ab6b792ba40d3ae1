#:project ../../src/Flick.Local/Flick.Local.csproj
#:property PublishAot=false
#:property IsAotCompatible=false

// The hosts of scripts/bench-api.sh: a --once backfill; then the search API on its stores twice,
// with its settings from the environment as a deployment would take them (the script raises the
// rate limits there), once with the cache on and once with Flick:Api:Cache:Enabled=false; and a
// bare Kestrel endpoint returning the very bytes of each measured answer from memory.
// Prints "READY <viewer token>" then one "PATH <name> <path> <bytes>" per measured request.
using System.Net.Http.Json;
using System.Text.Json;
using Flick.Api;
using Flick.Api.Options;
using Flick.Local.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var (dataDirectory, cachedUrl, uncachedUrl, bareUrl) = (args[0], args[1], args[2], args[3]);
using var stop = new CancellationTokenSource(TimeSpan.FromHours(1));
var local = new LocalOptions { DataDirectory = dataDirectory, Channels = 2000, Minutes = 60, Once = true, Quiet = true };
await using var host = await LocalHost.StartAsync(local, b => b.SetMinimumLevel(LogLevel.Warning), stop.Token);
await host.Runtime.RunAsync(null, stop.Token);

FlickApiOptions Settings(string url, params KeyValuePair<string, string?>[] overrides)
{
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
    var options = FlickApiOptions.FromConfiguration(configuration);
    (options.Url, options.DataDirectory) = (url, dataDirectory);
    return options;
}

await using var cached = await FlickApiHost.StartAsync(Settings(cachedUrl), host.Services, b => b.SetMinimumLevel(LogLevel.Warning), stop.Token);

// A viewer, as a user of the dashboard would be: the admin creates it, it signs in.
using var http = new HttpClient { BaseAddress = new Uri(cachedUrl) };
async Task<string> TokenAsync(string user, string password)
{
    using var answer = await http.PostAsJsonAsync("/api/auth/token", new Dictionary<string, string> { ["userName"] = user, ["password"] = password }, BenchJson.Default.DictionaryStringString, stop.Token);
    answer.EnsureSuccessStatusCode();
    using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(stop.Token));
    return body.RootElement.GetProperty("accessToken").GetString()!;
}

http.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync("admin", cached.AdminPassword!));
using (var created = await http.PostAsJsonAsync("/api/users", new Dictionary<string, string> { ["userName"] = "bench", ["role"] = "viewer" }, BenchJson.Default.DictionaryStringString, stop.Token))
{
    created.EnsureSuccessStatusCode();
    using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(stop.Token));
    http.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync("bench", body.RootElement.GetProperty("password").GetString()!));
}

// Started once the viewer exists: it reads the same users file (and signing key) at its start.
await using var uncached = await FlickApiHost.StartAsync(Settings(uncachedUrl, new KeyValuePair<string, string?>("Flick:Api:Cache:Enabled", "false")), host.Services,
    b => b.SetMinimumLevel(LogLevel.Warning), stop.Token);

var minute = "/api/series/sim/rankings/channels/minute?limit=25";
using var top = JsonDocument.Parse(await http.GetByteArrayAsync(new Uri(minute, UriKind.Relative), stop.Token));
var channel = top.RootElement.GetProperty("channels")[0].GetProperty("userId").GetString();
// In this order: the cache-off window ranking, the slowest by far, is measured last.
var paths = new Dictionary<string, string>
{
    ["rankings-minute"] = minute,
    ["channel-viewers"] = $"/api/series/sim/channels/{channel}/viewers?step=1m",
    ["rankings-window"] = "/api/series/sim/rankings/channels/window?limit=25",
};
var bytes = new Dictionary<string, byte[]>();
foreach (var (name, path) in paths)
{
    bytes[name] = await http.GetByteArrayAsync(new Uri(path, UriKind.Relative), stop.Token);
}

var bare = WebApplication.CreateSlimBuilder();
bare.Logging.SetMinimumLevel(LogLevel.Warning);
await using var app = bare.Build();
app.Urls.Add(bareUrl);
foreach (var (name, path) in paths)
{
    var body = bytes[name];
    app.MapGet(path.Split('?')[0], () => Results.Bytes(body, "application/json; charset=utf-8"));
}

await app.StartAsync(stop.Token);

Console.WriteLine($"READY {http.DefaultRequestHeaders.Authorization!.Parameter}");
foreach (var (name, path) in paths)
{
    Console.WriteLine($"PATH {name} {path} {bytes[name].Length}");
}

// SIGTERM (the script ends) stops the bare host, and so the program.
await app.WaitForShutdownAsync(stop.Token);

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class BenchJson : System.Text.Json.Serialization.JsonSerializerContext;
