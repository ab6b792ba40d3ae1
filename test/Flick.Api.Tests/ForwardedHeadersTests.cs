using System.Net;
using Flick.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Flick.Api.Tests;

/// <summary>
/// X-Forwarded-For decides the client's address (here seen through the per-address rate limit: 2
/// requests per 10 s) only when it comes from a configured proxy; otherwise the peer's address counts.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Peer = "X-Test-Peer";

    [Fact]
    public async Task FromATrustedProxy_EachForwardedClientShouldHaveItsOwnLimit()
    {
        using var api = Factory(o => o.ForwardedHeaders.KnownProxies.Add("10.0.0.1"));
        using var client = await api.ClientAsync("viewer");

        (await StatusesAsync(client, "10.0.0.1", "203.0.113.5", "203.0.113.5", "203.0.113.5"))
            .ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        (await StatusesAsync(client, "10.0.0.1", "203.0.113.6")).ShouldBe([HttpStatusCode.OK]);
    }

    [Fact]
    public async Task FromAnUntrustedAddress_ASpoofedHeaderShouldBeIgnored()
    {
        using var api = Factory(o => o.ForwardedHeaders.KnownNetworks.Add("10.0.0.0/29"));
        using var client = await api.ClientAsync("viewer");

        (await StatusesAsync(client, "10.0.0.9", "198.51.100.1", "198.51.100.2", "198.51.100.3"))
            .ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        (await StatusesAsync(client, "10.0.0.7", "198.51.100.4")).ShouldBe([HttpStatusCode.OK]);
    }

    [Fact]
    public async Task WithoutConfiguration_TheHeaderShouldBeIgnored_EvenFromLoopback()
    {
        using var api = Factory(_ => { });
        using var client = await api.ClientAsync("viewer");

        (await StatusesAsync(client, "127.0.0.1", "198.51.100.1", "198.51.100.2", "198.51.100.3"))
            .ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    private static ApiFactory Factory(Action<Options.FlickApiOptions> forwarding) =>
        new(null, o =>
        {
            o.RateLimits.PerAddressPerMinute = 12;
            forwarding(o);
        }, services => services.AddSingleton<IStartupFilter, PeerFromHeader>());

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient client, string peer, params string[] forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var address in forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
            request.Headers.Add(Peer, peer);
            request.Headers.Add("X-Forwarded-For", address);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    /// <summary>The test server has no network peer: this sets one, ahead of the API's pipeline.</summary>
    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(Peer, out var peer))
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
