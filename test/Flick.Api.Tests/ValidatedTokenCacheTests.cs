using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Flick.Api.Auth;
using Flick.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Flick.Api.Tests;

/// <summary>Validated tokens are reused only as they are, only until they expire, and in bounded number.</summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly ClaimsPrincipal Someone = new(new ClaimsIdentity([new Claim("sub", "someone")], "Bearer"));

    [Fact]
    public void AToken_ShouldBeFoundUntilItExpires_AndNotAfter()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
        var cache = new ValidatedTokenCache(clock);
        cache.Add("a.b.c", Someone, clock.GetUtcNow().AddMinutes(5));

        cache.TryGet("a.b.c", out var entry).ShouldBeTrue();
        entry.Principal.ShouldBeSameAs(Someone);
        cache.TryGet("a.b.d", out _).ShouldBeFalse();
        clock.Advance(TimeSpan.FromMinutes(5));
        cache.TryGet("a.b.c", out _).ShouldBeFalse();
        cache.Count.ShouldBe(0);
    }

    [Fact]
    public void ATokenInsideAHeader_ShouldBeFoundWhereItIs_OnlyWhenEveryCharacterMatches()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
        var cache = new ValidatedTokenCache(clock);
        cache.Add("h.p.sig", Someone, clock.GetUtcNow().AddMinutes(5));
        var header = "Bearer h.p.sig";

        cache.TryGet(header.AsSpan(7), out var entry).ShouldBeTrue();
        entry.Principal.ShouldBeSameAs(Someone);
        cache.TryGet(header.AsSpan(7, 6), out _).ShouldBeFalse();     // a prefix of the token
        cache.TryGet("Bearer h.p.siG".AsSpan(7), out _).ShouldBeFalse();
        cache.TryGet(header.AsSpan(6), out _).ShouldBeFalse();        // with the space before it
        cache.TryGet([], out _).ShouldBeFalse();

        clock.Advance(TimeSpan.FromMinutes(5));
        cache.TryGet(header.AsSpan(7), out _).ShouldBeFalse();
        cache.Count.ShouldBe(0);
    }

    [Fact]
    public void AnExpiredToken_ShouldNotBeKept()
    {
        var clock = new FakeTimeProvider();
        var cache = new ValidatedTokenCache(clock);
        cache.Add("a.b.c", Someone, clock.GetUtcNow());
        cache.Count.ShouldBe(0);
    }

    [Fact]
    public void WhenFull_ExpiredEntriesShouldGoFirst_AndTheCountShouldNeverPassTheCapacity()
    {
        var clock = new FakeTimeProvider();
        var cache = new ValidatedTokenCache(clock, capacity: 4);
        cache.Add("short.1.x", Someone, clock.GetUtcNow().AddMinutes(1));
        cache.Add("short.2.x", Someone, clock.GetUtcNow().AddMinutes(1));
        cache.Add("long.1.x", Someone, clock.GetUtcNow().AddHours(1));
        cache.Add("long.2.x", Someone, clock.GetUtcNow().AddHours(1));
        clock.Advance(TimeSpan.FromMinutes(2));

        cache.Add("long.3.x", Someone, clock.GetUtcNow().AddHours(1));
        cache.Count.ShouldBe(3);
        cache.TryGet("long.1.x", out _).ShouldBeTrue();

        for (var i = 0; i < 20; i++)
        {
            cache.Add($"more.{i}.x", Someone, clock.GetUtcNow().AddHours(1));
            cache.Count.ShouldBeLessThanOrEqualTo(4);
        }

        cache.TryGet("more.19.x", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task AnotherPayloadUnderTheSignatureOfAnAcceptedToken_ShouldBeUnauthorized()
    {
        using var api = new ApiFactory();
        using var viewer = await api.ClientAsync("viewer");
        (await viewer.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = await api.TokenAsync("viewer");
        api.Services.GetRequiredService<ValidatedTokenCache>().TryGet(token, out _).ShouldBeTrue();

        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1])));
        var forged = payload.Replace("\"viewer1\"", "\"admin1\"", StringComparison.Ordinal);
        forged.ShouldNotBe(payload);
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            $"{parts[0]}.{Convert.ToBase64String(Encoding.UTF8.GetBytes(forged)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}");

        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - (text.Length % 4)) % 4);
    }
}
