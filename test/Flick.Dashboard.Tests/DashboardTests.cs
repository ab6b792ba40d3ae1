using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Flick.Dashboard.Tests;

/// <summary>
/// The dashboard in Debian's Chromium against the real runtime: sign in, search, a channel's
/// chart, the rankings, and an operator's re-run followed to its end.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class DashboardTests(DashboardRuntime runtime) : IClassFixture<DashboardRuntime>
{
    private const float Timeout = 120_000;
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static string Artifact(string name)
    {
        // The project's TestResults folder, beside the test results: bin/<configuration>/<framework>/ is three levels down.
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [Fact]
    public async Task Dashboard_WhenAnAdminBrowsesReRunsAndPulls_ShouldShowTheChartRankingsTheFinishedRunAndTheQueuedPull()
    {
        var (login, userId) = await ChannelLiveEveryMinuteAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(Timeout);

        await SignInAsync(page);

        var search = page.GetByRole(AriaRole.Searchbox);
        await search.FillAsync(login[..^2]);
        await search.PressAsync("Enter");
        var link = page.Locator($"a[href='#/channel/{userId}']");
        await link.ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Concurrent viewers" }).WaitForAsync();
        await page.GetByText("steps of 5m").WaitForAsync();
        var fiveMinuteCircles = await page.Locator("svg.chart circle").CountAsync();
        fiveMinuteCircles.ShouldBeGreaterThan(0);

        // The runtime goes on pulling the current minute after the backfill, so the channel's last
        // 24 hours may be only today's live minute: the backfilled minutes are asked for by their window.
        await page.Locator("select[name=range]").SelectOptionAsync("custom");
        await page.Locator("input[name=from]").FillAsync(DashboardRuntime.End.AddMinutes(-12).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("input[name=to]").FillAsync(DashboardRuntime.End.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Step").SelectOptionAsync("1m");
        await page.GetByText("steps of 1m").WaitForAsync();
        // Live through all 12 backfilled minutes: 12 one-minute steps, each an average and a max point.
        (await page.Locator("svg.chart circle").CountAsync()).ShouldBeGreaterThanOrEqualTo(2 * 12);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("dashboard.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Top" }).ClickAsync();
        var topChannels = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "Top channels" }) });
        await topChannels.Locator("tbody tr").First.WaitForAsync();
        (await topChannels.Locator("tbody tr").CountAsync()).ShouldBeGreaterThan(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Operator" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Re-run" }).ClickAsync();
        var status = page.Locator("#run-status[data-status='succeeded'], #run-status[data-status='failed']");
        await status.WaitForAsync(new() { Timeout = 240_000 });
        (await status.TextContentAsync()).ShouldBe("succeeded");

        // A manual pull of a source chosen among the configured ones (the runtime has one: the simulator).
        var source = page.GetByLabel("Source");
        await source.Locator("option[value='sim']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await source.SelectOptionAsync("sim");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pull", Exact = true }).ClickAsync();
        await page.GetByText(new System.Text.RegularExpressions.Regex("^Pull .+ of sim queued\\.$")).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("dashboard-operator.png"), FullPage = true });
    }

    [Fact]
    public async Task GamePage_WhenOpenedFromTheTopGames_ShouldChartViewersAndChannels()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        await SignInAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Top" }).ClickAsync();
        var topGames = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "Top games" }) });
        await topGames.Locator("tbody tr a").First.ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Live channels" }).WaitForAsync();
        var charts = page.Locator("svg.chart");
        await charts.Nth(1).Locator("circle").First.WaitForAsync();
        (await charts.CountAsync()).ShouldBe(2);
        (await charts.Nth(0).Locator("circle").CountAsync()).ShouldBeGreaterThan(0);
        (await charts.Nth(1).Locator("circle").CountAsync()).ShouldBeGreaterThan(0);
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ChromiumArgs,
        Timeout = Timeout,
    });

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(runtime.Address.ToString());
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(runtime.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox).WaitForAsync();
    }

    /// <summary>A channel of the backfill's top ten that was live in each of its 12 minutes, read from the API.</summary>
    private async Task<(string Login, string UserId)> ChannelLiveEveryMinuteAsync()
    {
        using var http = new HttpClient { BaseAddress = runtime.Address };
        using var tokenAnswer = await http.PostAsJsonAsync("/api/auth/token", new Dictionary<string, string> { ["userName"] = "admin", ["password"] = runtime.AdminPassword });
        tokenAnswer.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await tokenAnswer.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
        var from = DashboardRuntime.End.AddMinutes(-12).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var to = DashboardRuntime.End.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        using var ranking = JsonDocument.Parse(await http.GetStringAsync($"/api/series/sim/rankings/channels/window?from={from}&to={to}&limit=10"));
        var channel = ranking.RootElement.GetProperty("channels").EnumerateArray().First(c => c.GetProperty("minutesLive").GetInt32() == 12);
        return (channel.GetProperty("login").GetString()!, channel.GetProperty("userId").GetString()!);
    }
}
