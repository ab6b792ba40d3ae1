using Flick.Testing;
using System.Net.Http.Headers;
using System.Text.Json;
using Flick.Local.Simulator;

namespace Flick.Local.Tests.Simulator;

/// <summary>A started simulator on a fake clock, with an HTTP client that sends Helix credentials.</summary>
internal sealed class SimulatorScope : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 10, TimeSpan.Zero);
    public const string PinnedAt = "2024-05-01T12:00:00Z";

    private SimulatorScope(HelixSimulator simulator, AutoAdvancingTimeProvider time, HttpClient http)
    {
        Simulator = simulator;
        Time = time;
        Http = http;
    }

    public HelixSimulator Simulator { get; }
    public AutoAdvancingTimeProvider Time { get; }
    public HttpClient Http { get; }

    /// <summary>Sends only what a request carries: for the puller's client, which sets its own headers.</summary>
    public HttpClient BareHttp { get; } = new();

    public static async Task<SimulatorScope> StartAsync(SimulatorOptions? options = null, bool withCredentials = true)
    {
        var time = new AutoAdvancingTimeProvider(Start);
        var simulator = new HelixSimulator(options ?? new SimulatorOptions { Seed = 7 }, time);
        var baseUri = await simulator.StartAsync(CancellationToken.None);
        var http = new HttpClient { BaseAddress = baseUri };
        if (withCredentials)
        {
            http.DefaultRequestHeaders.Add("Client-Id", "test-client");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-token");
        }

        return new SimulatorScope(simulator, time, http);
    }

    public async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string pathAndQuery)
    {
        var response = await Http.GetAsync(pathAndQuery);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : "";

    /// <summary>Asserts a Helix error body: <c>{"error":"...","status":n,"message":"..."}</c>.</summary>
    public static void ShouldBeHelixError(byte[] body, int status, string error)
    {
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("error").GetString().ShouldBe(error);
        document.RootElement.GetProperty("status").GetInt32().ShouldBe(status);
        document.RootElement.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        BareHttp.Dispose();
        await Simulator.DisposeAsync();
    }
}
