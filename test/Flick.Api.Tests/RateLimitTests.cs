using System.Net;
using System.Net.Http.Json;
using Flick.Api.Tests.Support;

namespace Flick.Api.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task AUserOverItsLimit_ShouldGet429ProblemsWithRetryAfter_WhileHealthStaysOpen()
    {
        using var api = new ApiFactory(null, o => o.RateLimits.PerUserPerMinute = 12);
        using var client = await api.ClientAsync("viewer");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 8; i++)
        {
            var response = await client.GetAsync("/api/series");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        statuses.Take(2).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.ShouldContain(HttpStatusCode.TooManyRequests);
        refused.ShouldNotBeNull();
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignInAttemptsOverTheLimit_ShouldBeRefused()
    {
        using var api = new ApiFactory(null, o => o.RateLimits.TokenPerAddressPerMinute = 3);
        using var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/token", new { userName = "viewer1", password = "guess " + i })).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
    }
}
