using System.Net.Http.Headers;
using System.Net.Http.Json;
using Flick.Api.Options;
using Flick.Api.Tests.Fakes;
using Flick.Api.Users;
using Flick.Api.Webhooks;
using Flick.Core.Ports;
using Flick.Pipeline;
using Flick.Pipeline.Pulls;
using Flick.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Flick.Api.Tests.Support;

/// <summary>
/// The API on a test server, its ports backed by in-memory fakes seeded from a generated world.
/// Users <c>viewer1</c>, <c>operator1</c> and <c>admin1</c> exist; <see cref="ClientAsync"/> signs in as one.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<ApiFactory>
{
    public const string Password = "correct horse battery staple";
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public ApiFactory()
        : this(null)
    {
    }

    internal ApiFactory(World? world, Action<FlickApiOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        World = world ?? new World();
        Options = new FlickApiOptions();
        Options.RateLimits.PerUserPerMinute = 1_000_000;
        Options.RateLimits.PerAddressPerMinute = 1_000_000;
        Options.RateLimits.TokenPerAddressPerMinute = 1_000;
        configure?.Invoke(Options);
        ExtraServices = services;
        WorldLoader.Load(World, Viewers, Rankings, Profiles, Runs);
        var hasher = new PasswordHasher<ApiUser>();
        foreach (var role in Auth.ApiRoles.Ordered)
        {
            var user = new ApiUser(role + "1", role, string.Empty, World.Start);
            Users.AddAsync(user with { PasswordHash = hasher.HashPassword(user, Password) }, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public World World { get; }
    public FlickApiOptions Options { get; }
    public Action<IServiceCollection>? ExtraServices { get; }
    public FakeViewerMetricsStore Viewers { get; } = new();
    public FakeRankingStore Rankings { get; } = new();
    public FakeChannelProfileStore Profiles { get; } = new();
    public FakeRunStore Runs { get; } = new();
    public FakePullLog Pulls { get; } = new();
    public FakeMessageQueue Queue { get; } = new();
    public InMemoryObjectStore Objects { get; } = new();
    public InMemoryUserStore Users { get; } = new();
    public InMemoryWebhookStore Webhooks { get; } = new();

    /// <summary>A client signed in with the given role's user, or anonymous for null.</summary>
    public async Task<HttpClient> ClientAsync(string? role)
    {
        var client = CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(role));
        }

        return client;
    }

    public async Task<string> TokenAsync(string role)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_tokens.TryGetValue(role, out var token))
            {
                using var client = CreateClient();
                var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = role + "1", password = Password });
                response.EnsureSuccessStatusCode();
                token = (await response.Content.ReadFromJsonAsync<Contracts.TokenResponse>())!.AccessToken;
                _tokens[role] = token;
            }

            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureWebHost(web => web
                .ConfigureServices(services =>
                {
                    services.AddSingleton<IViewerMetricsStore>(Viewers);
                    services.AddSingleton<IRankingStore>(Rankings);
                    services.AddSingleton<IChannelProfileStore>(Profiles);
                    services.AddSingleton<IRunStore>(Runs);
                    services.AddSingleton<IWindowRollupStore>(new FakeWindowRollupStore());
                    services.AddSingleton<IPullLog>(Pulls);
                    services.AddSingleton<IMessageQueue>(Queue);
                    services.AddSingleton<IObjectStore>(Objects);
                    services.AddSingleton<IUserStore>(Users);
                    services.AddSingleton<IWebhookStore>(Webhooks);
                    var pipeline = new PipelineOptions();
                    pipeline.Sources.Add(new SourceOptions { Name = "sim", SeriesId = World.Series, ApiBase = new Uri("http://127.0.0.1:9/") });
                    services.AddSingleton(pipeline);
                    services.AddFlickApi(Options);
                    ExtraServices?.Invoke(services);
                })
                .Configure(app => app.UseFlickApi()));

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }
}
