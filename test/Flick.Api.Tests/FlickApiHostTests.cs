using System.Net;
using Flick.Api.Options;
using Flick.Api.Tests.Fakes;
using Flick.Core.Ports;
using Flick.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Flick.Api.Tests;

/// <summary>The API hosted as Flick.Local hosts it: a Kestrel server on loopback over the host's ports, with its files in a data directory.</summary>
public sealed class FlickApiHostTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("flick-api-").FullName;

    [Fact]
    public async Task StartAsync_ShouldServeHealthOpenApiScalarAndTheDashboard_AndPrintTheAdminPasswordOnlyOnce()
    {
        await using var runtime = HostPorts();
        var options = new FlickApiOptions { Url = "http://127.0.0.1:0", DataDirectory = _dataDirectory };

        string firstPassword;
        await using (var host = await FlickApiHost.StartAsync(options, runtime, null, CancellationToken.None))
        {
            firstPassword = host.AdminPassword.ShouldNotBeNull();
            using var http = new HttpClient { BaseAddress = host.Address };
            (await http.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var document = await http.GetStringAsync("/openapi/v1.json");
            document.ShouldContain("/api/series/{seriesId}/runs");
            document.ShouldContain("\"bearer\"");
            (await http.GetAsync("/scalar")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await http.GetStringAsync("/")).ShouldContain("<title>Flick</title>");
            var signIn = await http.PostAsync("/api/auth/token", new StringContent($$"""{"userName":"admin","password":"{{firstPassword}}"}""", System.Text.Encoding.UTF8, "application/json"));
            signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(_dataDirectory, "users.json")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(Path.Combine(_dataDirectory, "api-signing-key")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await using var again = await FlickApiHost.StartAsync(options, runtime, null, CancellationToken.None);
        again.AdminPassword.ShouldBeNull();
    }

    [Fact]
    public async Task Build_WhenAPortIsMissing_ShouldNameIt()
    {
        await using var empty = new ServiceCollection().BuildServiceProvider();
        Should.Throw<InvalidOperationException>(() => FlickApiHost.Build(new FlickApiOptions(), empty)).Message.ShouldContain("IRunStore");
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private static ServiceProvider HostPorts() =>
        new ServiceCollection()
            .AddSingleton<IViewerMetricsStore>(new FakeViewerMetricsStore())
            .AddSingleton<IRankingStore>(new FakeRankingStore())
            .AddSingleton<IChannelProfileStore>(new FakeChannelProfileStore())
            .AddSingleton<IWindowRollupStore>(new FakeWindowRollupStore())
            .AddSingleton<IRunStore>(new FakeRunStore())
            .AddSingleton<IPullLog>(new FakePullLog())
            .AddSingleton<IMessageQueue>(new FakeMessageQueue())
            .AddSingleton<IObjectStore>(new InMemoryObjectStore())
            .BuildServiceProvider();
}
