using Flick.Api;
using Flick.Api.Options;
using Flick.Aws;

// The search API on its own, over the AWS adapters: the container the API stack runs on Fargate.
// Settings come from the environment (Flick__Api__*, REDIS_URL, and the FLICK_* variables of AwsOptions).
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var apiOptions = FlickApiOptions.FromConfiguration(configuration);

var services = new ServiceCollection();
services.AddLogging(logging => logging.AddJsonConsole());
services.AddFlickAws(AwsOptions.FromEnvironment(Environment.GetEnvironmentVariable));
// FlickApiHost takes its ports from a host container and builds the web application's own container
// around them (as Flick.Local does): this provider is that host container, not a second copy of the API's.
#pragma warning disable ASP0000
await using var ports = services.BuildServiceProvider();
#pragma warning restore ASP0000

await using var api = await FlickApiHost.StartAsync(apiOptions, ports, logging => logging.AddJsonConsole(), CancellationToken.None);
await api.App.WaitForShutdownAsync();
