using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Flick.Api.Http;
using Flick.Api.Notifications;
using Flick.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Flick.Api.Tests;

/// <summary>Entity tags on read answers, and If-None-Match answered with 304 while the data has not changed.</summary>
public sealed class ConditionalRequestTests : IDisposable
{
    private const string Path = "/api/series/sim/rankings/channels/window?from=2026-01-05T10:00Z&to=2026-01-05T13:00Z&limit=5";
    private readonly ApiFactory _api = new();

    [Fact]
    public async Task ARead_ShouldCarryATagOfItsBytes_AndTheSameTagShouldGet304WithoutABody()
    {
        using var client = await _api.ClientAsync("viewer");
        using var first = await client.GetAsync(Path);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        var tag = first.Headers.ETag!;
        tag.IsWeak.ShouldBeFalse();
        tag.Tag.ShouldBe(ExpectedTag(200, bytes));
        first.Headers.CacheControl!.Private.ShouldBeTrue();

        using var again = new HttpRequestMessage(HttpMethod.Get, Path);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await client.SendAsync(again);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        notModified.Headers.ETag!.Tag.ShouldBe(tag.Tag);

        using var other = new HttpRequestMessage(HttpMethod.Get, Path);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var full = await client.SendAsync(other);
        full.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await full.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
    }

    [Fact]
    public async Task AfterNewData_TheOldTagShouldGetTheNewAnswer()
    {
        using var client = await _api.ClientAsync("viewer");
        using var first = await client.GetAsync(Path);
        var tag = first.Headers.ETag!;

        WorldLoader.Load(new World(seed: 99, viewerScale: 3), _api.Viewers, _api.Rankings, _api.Profiles, _api.Runs);
        (await _api.Services.GetRequiredService<INotificationSink>().PublishAsync(Envelopes.SeriesReady(), CancellationToken.None)).ShouldBeTrue();

        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.IfNoneMatch.Add(tag);
        using var changed = await client.SendAsync(request);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await changed.Content.ReadAsByteArrayAsync();
        changed.Headers.ETag!.Tag.ShouldBe(ExpectedTag(200, bytes));
        changed.Headers.ETag.Tag.ShouldNotBe(tag.Tag);
    }

    [Fact]
    public async Task AProblem_ShouldCarryNoTag()
    {
        using var client = await _api.ClientAsync("viewer");
        using var response = await client.GetAsync("/api/series/sim/channels/nosuchchannel");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.ETag.ShouldBeNull();
    }

    [Theory]
    [InlineData("\"abc\"", true)]
    [InlineData("W/\"abc\"", true)]
    [InlineData("\"x\", \"abc\"", true)]
    [InlineData("\"x\",W/\"abc\"", true)]
    [InlineData("*", true)]
    [InlineData("\"abcd\"", false)]
    [InlineData("abc", false)]
    [InlineData("", false)]
    public void IfNoneMatch_ShouldMatchUnderTheWeakComparison(string header, bool matches) =>
        AnswerResult.Matches(new StringValues(header), "\"abc\"").ShouldBe(matches);

    public void Dispose() => _api.Dispose();

    // Restated: the first 16 bytes of SHA-256 over the status (4 bytes, big-endian) and the body, base64url, quoted.
    private static string ExpectedTag(int status, byte[] body)
    {
        byte[] input = [(byte)(status >> 24), (byte)(status >> 16), (byte)(status >> 8), (byte)status, .. body];
        var text = Convert.ToBase64String(SHA256.HashData(input)[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return "\"" + text + "\"";
    }
}
